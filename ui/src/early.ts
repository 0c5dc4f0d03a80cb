// The page's first script (index.html runs it before main.tsx): it asks for the first screen's
// data at once. The requests are answered by the Rust process while the page evaluates React and
// the app, so the answers have usually arrived by the first render (see earlyReference.ts and
// earlyFirstPage.ts, which hand them to the first render).

import { startEarlyFirstPage } from "./screens/projects/earlyFirstPage";
import { startEarlyReference } from "./state/earlyReference";

// Phases of the start, read by the startup benchmark (tests/bench/startup.mjs).
performance.mark("normdesk:script");
startEarlyReference();
startEarlyFirstPage();
