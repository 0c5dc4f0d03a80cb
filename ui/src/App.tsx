// The window: navigation on the left, the notices and the current screen on the right.

import { useState } from "react";
import { Nav, type Screen } from "./components/Nav";
import { NoticeArea } from "./components/NoticeArea";
import { ProjectsScreen } from "./screens/projects/ProjectsScreen";
import { SettingsScreen } from "./screens/settings/SettingsScreen";
import { SyncScreen } from "./screens/sync/SyncScreen";
import { useUnsavedGuard } from "./state/guard";
import { NoticeProvider } from "./state/NoticeProvider";
import { ReferenceProvider } from "./state/ReferenceProvider";
import { UnsavedGuardProvider } from "./state/UnsavedGuardProvider";

function Shell() {
  const [screen, setScreen] = useState<Screen>("projects");
  const { confirmLeave } = useUnsavedGuard();

  async function navigate(next: Screen) {
    if (next === screen) return;
    if (await confirmLeave()) setScreen(next);
  }

  return (
    <div className="app">
      <Nav current={screen} onNavigate={(s) => void navigate(s)} />
      <main className="main">
        <NoticeArea />
        {screen === "projects" && <ProjectsScreen />}
        {screen === "sync" && <SyncScreen />}
        {screen === "settings" && <SettingsScreen />}
      </main>
    </div>
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
