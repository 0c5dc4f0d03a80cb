// A one-line legend of the keyboard shortcuts under the register.

import { useTranslation } from "react-i18next";

const KEYS = [
  ["Ctrl+N", "new"],
  ["Ctrl+S", "save"],
  ["Ctrl+F", "search"],
  ["Esc", "cancel"],
  ["↑ ↓", "move"],
] as const;

export function KeyHints() {
  const { t } = useTranslation();
  return (
    <p className="key-hints" aria-label={t("shortcuts.label")}>
      {KEYS.map(([keys, action]) => (
        <span key={action} className="key-hint">
          <kbd>{keys}</kbd> {t(`shortcuts.short.${action}`)}
        </span>
      ))}
    </p>
  );
}
