// A `<select>` of the 46 stage codes grouped by stage group, named in the UI language; for
// national, local and group projects each group also shows the Chinese process name (征求意见).

import { useTranslation } from "react-i18next";
import { groupLabel, localName, stageSections } from "../lib/stages";
import type { StageCatalog, Tier } from "../platform/api";

interface Props {
  id: string;
  testId: string;
  value: string;
  onChange: (code: string) => void;
  catalog: StageCatalog;
  tier: Tier;
  invalid?: boolean;
  describedBy?: string;
}

export function StageSelect({ id, testId, value, onChange, catalog, tier, invalid, describedBy }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <select
      id={id}
      name={id}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    >
      {stageSections(catalog).map(({ group, stages }) => (
        <optgroup key={group.group} label={groupLabel(group, tier, lang)}>
          {stages.map((s) => (
            <option key={s.code} value={s.code}>
              {`${s.code} ${localName(s, lang)}`}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
