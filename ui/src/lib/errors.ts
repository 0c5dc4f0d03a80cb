// Turning a failed command into one readable sentence for the notice banner.

import { ApiFailure } from "../platform/api";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Could not save: reference: …" — the action, then the core's own message (never raw JSON). */
export function describeFailure(t: Translate, action: string, error: unknown): string {
  const failure = ApiFailure.from(error);
  const reason = failure.message.trim() || t(`errors.kind.${failure.kind}`);
  return t("errors.failed", { action, reason });
}
