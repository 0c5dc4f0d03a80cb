// One row of the register: reference, title in the UI language, stage, tier, role, dates, badges.

import { memo } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../components/Badge";
import { shortStageName, stageName } from "../../lib/stages";
import { displayTitle } from "../../lib/titles";
import type { ProjectRow, StageCatalog } from "../../platform/api";

interface Props {
  row: ProjectRow;
  index: number;
  top: number;
  selected: boolean;
  catalog: StageCatalog;
  onSelect: (id: string, index: number) => void;
}

export const ProjectRowView = memo(function ProjectRowView({ row, index, top, selected, catalog, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = displayTitle(row, lang);
  const stageFull = stageName(catalog, row.stage, lang);
  return (
    <div
      className={selected ? "list-row project-row row-selected" : "list-row project-row"}
      role="row"
      id={`project-row-${row.id}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="project-row"
      data-id={row.id}
      data-reference={row.reference}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(row.id, index)}
    >
      <div role="gridcell" className="cell cell-reference" title={row.reference}>
        <span className="reference">{row.reference}</span>
        {row.sample && <Badge kind="sample">{t("badges.sample")}</Badge>}
      </div>
      <div role="gridcell" className="cell cell-title" title={title.text}>
        <span lang={title.lang} className={title.fallback ? "title-fallback" : undefined}>
          {title.text || t("projects.untitled")}
        </span>
      </div>
      <div role="gridcell" className="cell cell-stage" title={`${row.stage} ${stageFull}`}>
        <span className="stage-code">{row.stage}</span> {shortStageName(catalog, row.stage, row.tier, lang)}
      </div>
      <div role="gridcell" className="cell cell-tier">
        {t(`tier.${row.tier}`)}
      </div>
      <div role="gridcell" className="cell cell-our_role">
        {t(`role.${row.our_role}`)}
      </div>
      <div role="gridcell" className="cell cell-target_date">
        {row.target_date ?? ""}
      </div>
      <div role="gridcell" className="cell cell-limit_date">
        <span>{row.limit_date ?? ""}</span>
        {row.overdue && <Badge kind="overdue">{t("badges.overdue")}</Badge>}
      </div>
    </div>
  );
});
