// Development preview: the real UI in a plain browser against an in-memory backend, for working on
// screens without the desktop shell (`npm run dev`, then open /dev/preview.html). Never built into
// the app: `vite build` only builds index.html.

import { installMockBackend } from "./mockBackend";

installMockBackend(Number(new URLSearchParams(location.search).get("projects") ?? 100_000));
await import("../src/main");
