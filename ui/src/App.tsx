// The window: navigation on the left, the notices and the current screen on the right.

import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { Nav, type Screen } from "./components/Nav";
import { NoticeArea } from "./components/NoticeArea";
import { SearchBox } from "./components/SearchBox";
import type { SearchKind } from "./platform/registers";
import { ProjectsScreen } from "./screens/projects/ProjectsScreen";
import { isRegisterScreen, screenOf } from "./screens/registers/defaults";
import { useUnsavedGuard } from "./state/guard";
import { NavigationContext, type RecordTarget } from "./state/navigation";
import { NoticeProvider } from "./state/NoticeProvider";
import { ReviewNavigationContext } from "./state/review";
import { ReferenceProvider } from "./state/ReferenceProvider";
import { UnsavedGuardProvider } from "./state/UnsavedGuardProvider";

// The app opens on the projects register; the other screens load when first opened, so the code
// parsed before the first paint is only what that first screen needs.
const RegisterScreen = lazy(() => import("./screens/registers/RegisterScreens").then((m) => ({ default: m.RegisterScreen })));
const SettingsScreen = lazy(() => import("./screens/settings/SettingsScreen").then((m) => ({ default: m.SettingsScreen })));
const ReviewScreen = lazy(() => import("./screens/review/ReviewScreen").then((m) => ({ default: m.ReviewScreen })));
const SyncScreen = lazy(() => import("./screens/sync/SyncScreen").then((m) => ({ default: m.SyncScreen })));

function Shell() {
  const [screen, setScreen] = useState<Screen>("projects");
  const { confirmLeave } = useUnsavedGuard();

  const [target, setTarget] = useState<RecordTarget | null>(null);
  const [reviewProject, setReviewProject] = useState<string | null>(null);

  async function navigate(next: Screen) {
    if (next === screen) return;
    if (await confirmLeave()) setScreen(next);
  }

  // A record opened from the search box, the dashboard or a link: its screen selects it.
  const openRecord = useCallback(
    async (kind: SearchKind, id: string) => {
      if (!(await confirmLeave())) return;
      setScreen(screenOf(kind));
      setTarget((t) => ({ kind, id, seq: (t?.seq ?? 0) + 1 }));
    },
    [confirmLeave],
  );
  // Until the draft editor screen lands, a draft request opens its project.
  const openDraft = useCallback((projectId: string) => void openRecord("project", projectId), [openRecord]);
  const navigation = useMemo(
    () => ({ target, openRecord: (kind: SearchKind, id: string) => void openRecord(kind, id), draft: null, openDraft }),
    [target, openRecord, openDraft],
  );

  // A project's Revisions & comments, opened from its detail pane.
  const openReview = useCallback(
    async (projectId: string) => {
      if (!(await confirmLeave())) return;
      setReviewProject(projectId);
      setScreen("review");
    },
    [confirmLeave],
  );
  const review = useMemo(() => ({ openReview: (projectId: string) => void openReview(projectId) }), [openReview]);

  return (
    <NavigationContext.Provider value={navigation}>
      <ReviewNavigationContext.Provider value={review}>
      <div className="app">
        <Nav current={screen === "review" ? "projects" : screen} onNavigate={(s) => void navigate(s)} />
        <main className="main">
          <SearchBox />
          <NoticeArea />
          {screen === "projects" && <ProjectsScreen />}
          <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
            {isRegisterScreen(screen) && <RegisterScreen screen={screen} />}
            {screen === "review" && reviewProject && <ReviewScreen key={reviewProject} projectId={reviewProject} />}
            {screen === "sync" && <SyncScreen />}
            {screen === "settings" && <SettingsScreen />}
          </Suspense>
        </main>
      </div>
      </ReviewNavigationContext.Provider>
    </NavigationContext.Provider>
  );
}

export function App() {
  return (
    <NoticeProvider>
      <ReferenceProvider>
        <UnsavedGuardProvider>
          <Shell />
        </UnsavedGuardProvider>
      </ReferenceProvider>
    </NoticeProvider>
  );
}
