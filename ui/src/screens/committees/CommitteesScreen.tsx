// The committees: the tree (organisation → TC → SC → WG/JWG/…) as a virtualised list with a
// text filter and a kind filter on the left, the selected committee's page on the right; a new
// committee at the top or under the selected one.

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { VirtualList } from "../../components/VirtualList";
import { describeFailure } from "../../lib/errors";
import { arraySource } from "../../lib/pages";
import { countActive, filterTree, treeRows, type HeadedRow } from "../../lib/registers";
import { displayTitle } from "../../lib/titles";
import { registersApi, type CommitteeInput, type CommitteeKind, type CommitteeNode } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { FilterBar, FilterSelect } from "../../components/Filters";
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
  const [kind, setKind] = useState<CommitteeKind | null>(null);
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

  const shown = useMemo(() => filterTree(nodes, filter, kind), [nodes, filter, kind]);
  const rows = useMemo(() => treeRows(shown), [shown]);
  const kinds = useMemo(() => [...new Set(nodes.map((n) => n.kind))].sort(), [nodes]);
  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const changed = () => {
    setVersion((v) => v + 1);
    reloadLookups();
  };
  const selectedId = selection.kind === "existing" ? selection.id : null;

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
      filters={
        <FilterBar active={countActive([kind])} onClear={() => setKind(null)}>
          <FilterSelect id="kind" label={t("committees.fields.kind")} value={kind} options={kinds.map((k) => ({ value: k, label: k }))} onChange={(v) => setKind(v as CommitteeKind | null)} />
        </FilterBar>
      }
      list={
        <VirtualList<HeadedRow<CommitteeNode>> source={arraySource(rows)} idOf={(r) => ("node" in r ? r.node.id : null)} selectedId={selectedId} onSelect={(id) => void select({ kind: "existing", id })}
          label={t("committees.treeLabel")} testId="committee-tree" role="tree"
          empty={nodes.length > 0 ? <p className="list-empty">{t("reg.empty")}</p> : null}
          renderRow={(r, selected) => "heading" in r ? <div className="rg-org-heading">{r.heading}</div> : (
            <button
              type="button"
              role="treeitem"
              aria-level={r.node.depth + 1}
              aria-selected={selected}
              tabIndex={-1}
              className={selected ? "rg-row rg-row-selected" : "rg-row"}
              style={{ paddingLeft: 12 + r.node.depth * 20 }}
              data-testid="committee-node"
              data-id={r.node.id}
              data-reference={r.node.reference}
              data-kind={r.node.kind}
              data-depth={r.node.depth}
              onClick={() => void select({ kind: "existing", id: r.node.id })}
            >
              <span className="rg-kind">{r.node.kind}</span>
              <span className="rg-row-main">
                <span className="rg-ref">{r.node.reference}</span>
                <span className="muted">{displayTitle(r.node, i18n.language).text}</span>
              </span>
              {r.node.children > 0 && <span className="rg-row-side">{r.node.children}</span>}
            </button>
          )} />
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
          <CommitteeView key={selection.id} id={selection.id} version={version} onChanged={changed} onDeleted={() => { changed(); setSelection({ kind: "none" }); }}
            onNewUnder={(page) => void select({ kind: "new", parent: page.committee.id, initial: emptyCommittee({ id: page.committee.id, organisation_id: page.committee.organisation_id, kind: page.committee.kind }) })} />
        )
      }
    />
  );
}
