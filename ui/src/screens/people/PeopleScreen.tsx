// The people directory: search (Chinese substrings and English words), the virtualised list,
// and the selected person's page; New person opens an empty form; export and import the register.

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../hooks/useDebounced";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useReference } from "../../state/reference";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { DetailHeader, NothingSelected, RegisterLayout } from "../registers/Layout";
import { PeopleList } from "./PeopleList";
import { EMPTY_PERSON } from "../registers/defaults";
import { PersonForm } from "./PersonForm";
import { PersonView } from "./PersonView";
import { usePeoplePages } from "./usePeoplePages";

type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string };

export function PeopleScreen() {
  const { t } = useTranslation();
  const { confirmLeave } = useUnsavedGuard();
  const { reloadLookups } = useReference();
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 150);
  const [version, setVersion] = useState(0);
  const data = usePeoplePages(search, version);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("person");

  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);

  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const changed = () => {
    setVersion((v) => v + 1);
    reloadLookups();
  };

  return (
    <RegisterLayout
      testId="people-screen"
      title={t("people.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="person-search" aria-label={t("people.search")} placeholder={t("people.search")} value={text} onChange={(e) => setText(e.target.value)} />
        <span className="total" data-testid="person-total" data-total={data.total ?? ""}>{data.total === null ? "" : t("people.total", { count: data.total })}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="person" onImported={changed} />
          <button type="button" className="btn btn-primary" data-testid="person-new" onClick={() => void select({ kind: "new" })}>{t("people.new")}</button>
        </div>
      </>}
      list={<PeopleList data={data} selectedId={selection.kind === "existing" ? selection.id : null} onSelect={(id) => void select({ kind: "existing", id })} />}
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("people.new")} />
            <div className="rg-scroll">
              <PersonForm id={null} initial={EMPTY_PERSON} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { changed(); setSelection({ kind: "existing", id }); }} />
            </div>
          </div>
        ) : (
          <PersonView key={selection.id} id={selection.id} onChanged={changed} onDeleted={() => { changed(); setSelection({ kind: "none" }); }} />
        )
      }
    />
  );
}
