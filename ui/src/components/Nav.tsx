// The left navigation: the app's name and its screens.

import { useTranslation } from "react-i18next";
import { useOpenConflicts } from "../state/openConflicts";

export type Screen = "dashboard" | "projects" | "committees" | "people" | "organisations" | "liaisons" | "statements" | "packets" | "sync" | "settings" | "review" | "draft";

/** The navigation's entries; "review" (a project's revisions and comments) and "draft" (its draft
 *  text) open from the project. */
const SCREENS: Screen[] = ["dashboard", "projects", "committees", "people", "organisations", "liaisons", "statements", "packets", "sync", "settings"];

interface Props {
  current: Screen;
  onNavigate: (screen: Screen) => void;
}

export function Nav({ current, onNavigate }: Props) {
  const { t } = useTranslation();
  const openConflicts = useOpenConflicts();
  return (
    <nav className="nav" aria-label={t("nav.label")}>
      <div className="nav-brand">
        <span className="nav-brand-name">Normdesk</span>
        <span className="nav-brand-name-zh" lang="zh-CN">
          标准工作台
        </span>
      </div>
      <ul className="nav-list">
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className={screen === current ? "nav-item nav-item-current" : "nav-item"}
              aria-current={screen === current ? "page" : undefined}
              data-testid={`nav-${screen}`}
              onClick={() => onNavigate(screen)}
            >
              <span className={`nav-icon nav-icon-${screen}`} aria-hidden="true" />
              {t(`nav.${screen}`)}
              {screen === "sync" && openConflicts > 0 && (
                <span className="count-badge nav-badge" data-testid="nav-sync-conflicts" title={t("sync.tabs.conflicts")}>
                  {openConflicts}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
