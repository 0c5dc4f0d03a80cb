// The committees: the tree (organisation → TC → SC → WG/JWG/…) with a filter on the left, the
// selected committee's page on the right; a new committee at the top or under the selected one.

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { filterTree } from "../../lib/registers";
import { displayTitle } from "../../lib/titles";
import { registersApi, type CommitteeInput, type CommitteeNode } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { DetailHeader, NothingSelected, RegisterLayout } from "../registers/Layout";
import { emptyCommittee } from "../registers/defaults";
import { CommitteeForm } from "./CommitteeForm";
import { CommitteeView } from "./CommitteeView";

type Selection = { kind: "none" } | { kind: "new"; initial: CommitteeInput; parent: string | null } | { kind: "existing"; id: string };

export function CommitteesScreen() {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { confirmLeave } = useUnsavedGuard();
  const { reloadLookups } = useReference();
  const [nodes, setNodes] = useState<CommitteeNode[]>([]);
  const [filter, setFilter] = useState("");
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("committee");

  const load = useCallback(() => {
    registersApi.committeeTree().then(setNodes).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [notify, t]);
  useEffect(load, [load, version]);
  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);

  const shown = useMemo(() => filterTree(nodes, filter), [nodes, filter]);
  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const changed = () => {
    setVersion((v) => v + 1);
    reloadLookups();
  };
  const selectedId = selection.kind === "existing" ? selection.id : null;

  let lastOrg: string | null | undefined;
  return (
    <RegisterLayout
      testId="committees-screen"
      title={t("committees.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="committee-filter" aria-label={t("committees.filter")} placeholder={t("committees.filter")} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="committee" onImported={changed} />
          <button type="button" className="btn btn-primary" data-testid="committee-new" onClick={() => void select({ kind: "new", initial: emptyCommittee(null), parent: null })}>{t("committees.newTop")}</button>
        </div>
      </>}
      list={
        <div className="rg-list" role="tree" aria-label={t("committees.treeLabel")} data-testid="committee-tree">
          {shown.map((n) => {
            const heading = n.organisation !== lastOrg && n.depth === 0 ? <div className="rg-org-heading">{n.organisation || "—"}</div> : null;
            if (n.depth === 0) lastOrg = n.organisation;
            return (
              <div key={n.id}>
                {heading}
                <button
                  type="button"
                  role="treeitem"
                  aria-level={n.depth + 1}
                  aria-selected={n.id === selectedId}
                  className={n.id === selectedId ? "rg-row rg-row-selected" : "rg-row"}
                  style={{ paddingLeft: 12 + n.depth * 20 }}
                  data-testid="committee-node"
                  data-id={n.id}
                  data-reference={n.reference}
                  data-kind={n.kind}
                  data-depth={n.depth}
                  onClick={() => void select({ kind: "existing", id: n.id })}
                >
                  <span className="rg-kind">{n.kind}</span>
                  <span className="rg-row-main">
                    <span className="rg-ref">{n.reference}</span>
                    <span className="muted">{displayTitle(n, i18n.language).text}</span>
                  </span>
                  {n.children > 0 && <span className="rg-row-side">{n.children}</span>}
                </button>
              </div>
            );
          })}
          {nodes.length > 0 && shown.length === 0 && <p className="list-empty">{t("reg.empty")}</p>}
        </div>
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={selection.parent ? t("committees.newUnderTitle", { parent: nodes.find((n) => n.id === selection.parent)?.reference ?? "" }) : t("committees.newTitle")} />
            <div className="rg-scroll">
              <CommitteeForm key={selection.parent ?? "top"} id={null} initial={selection.initial} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { changed(); setSelection({ kind: "existing", id }); }} />
            </div>
          </div>
        ) : (
          <CommitteeView key={selection.id} id={selection.id} version={version} onChanged={changed}
            onNewUnder={(page) => void select({ kind: "new", parent: page.committee.id, initial: emptyCommittee({ id: page.committee.id, organisation_id: page.committee.organisation_id, kind: page.committee.kind }) })} />
        )
      }
    />
  );
}
