// The window: navigation on the left, the notices and the current screen on the right.

import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Nav, type Screen } from "./components/Nav";
import { NoticeArea } from "./components/NoticeArea";
import { SearchBox } from "./components/SearchBox";
import type { SearchKind } from "./platform/registers";
import { ProjectsScreen } from "./screens/projects/ProjectsScreen";
import { isRegisterScreen, screenOf } from "./screens/registers/defaults";
import { useUnsavedGuard } from "./state/guard";
import type { PacketSubject } from "./lib/packets";
import { focusWhenShown, NavigationContext, type DraftLang, type DraftTarget, type RecordTarget } from "./state/navigation";
import { NoticeProvider } from "./state/NoticeProvider";
import { ReviewNavigationContext } from "./state/review";
import { ReferenceProvider } from "./state/ReferenceProvider";
import { UnsavedGuardProvider } from "./state/UnsavedGuardProvider";

// The app opens on the projects register; the other screens load when first opened, so the code
// parsed before the first paint is only what that first screen needs.
const RegisterScreen = lazy(() => import("./screens/registers/RegisterScreens").then((m) => ({ default: m.RegisterScreen })));
const SettingsScreen = lazy(() => import("./screens/settings/SettingsScreen").then((m) => ({ default: m.SettingsScreen })));
const ReviewScreen = lazy(() => import("./screens/review/ReviewScreen").then((m) => ({ default: m.ReviewScreen })));
const PacketsScreen = lazy(() => import("./screens/packets/PacketsScreen").then((m) => ({ default: m.PacketsScreen })));
const DraftScreen = lazy(() => import("./screens/drafts/DraftScreen").then((m) => ({ default: m.DraftScreen })));
const SyncScreen = lazy(() => import("./screens/sync/SyncScreen").then((m) => ({ default: m.SyncScreen })));

function Shell() {
  const [screen, setScreen] = useState<Screen>("projects");
  const { confirmLeave } = useUnsavedGuard();

  const [target, setTarget] = useState<RecordTarget | null>(null);
  const [reviewProject, setReviewProject] = useState<string | null>(null);
  // The Packets screen's record survives a trip to fix a pre-flight item.
  const [packetSubject, setPacketSubject] = useState<PacketSubject | null>(null);

  async function navigate(next: Screen) {
    if (next === screen) return;
    if (await confirmLeave()) setScreen(next);
  }

  // A record opened from the search box, the dashboard or a link: its screen selects it.
  const openRecord = useCallback(
    async (kind: SearchKind, id: string, field?: string) => {
      if (!(await confirmLeave())) return;
      setScreen(screenOf(kind));
      setTarget((t) => ({ kind, id, field, seq: (t?.seq ?? 0) + 1 }));
    },
    [confirmLeave],
  );
  // A project's draft text (from its detail pane, or a ballot comment's clause).
  const [draft, setDraft] = useState<DraftTarget | null>(null);
  const openDraft = useCallback(
    async (projectId: string, lang: DraftLang, clause?: string) => {
      if (!(await confirmLeave())) return;
      setScreen("draft");
      setDraft((d) => ({ projectId, lang, clause, seq: (d?.seq ?? 0) + 1 }));
    },
    [confirmLeave],
  );
  const openPackets = useCallback(
    async (subject: PacketSubject) => {
      if (!(await confirmLeave())) return;
      setPacketSubject(subject);
      setScreen("packets");
    },
    [confirmLeave],
  );
  // A "Fix" from the Packets screen names a field: focus it once the record is shown.
  useEffect(() => (target ? focusWhenShown(target) : undefined), [target]);
  const navigation = useMemo(
    () => ({
      target,
      openRecord: (kind: SearchKind, id: string, field?: string) => void openRecord(kind, id, field),
      draft,
      openDraft: (projectId: string, lang: DraftLang, clause?: string) => void openDraft(projectId, lang, clause),
      openPackets: (subject: PacketSubject) => void openPackets(subject),
    }),
    [target, openRecord, draft, openDraft, openPackets],
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
        <Nav current={screen === "review" || screen === "draft" ? "projects" : screen} onNavigate={(s) => void navigate(s)} />
        <main className="main">
          <SearchBox />
          <NoticeArea />
          {screen === "projects" && <ProjectsScreen />}
          <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
            {isRegisterScreen(screen) && <RegisterScreen screen={screen} />}
            {screen === "review" && reviewProject && <ReviewScreen key={reviewProject} projectId={reviewProject} />}
            {screen === "packets" && <PacketsScreen subject={packetSubject} onSubject={setPacketSubject} />}
            {screen === "sync" && <SyncScreen />}
            {screen === "draft" && <DraftScreen />}
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
