// The `<option>`s of a record picker. Memoised: a picker may list 20,000 people, and typing in
// another field of the form must not rebuild them.

import { memo } from "react";
import type { RefLabel } from "../platform/api";

export const RefOptions = memo(function RefOptions({ options }: { options: readonly RefLabel[] }) {
  return options.map((o) => (
    <option key={o.id} value={o.id}>
      {o.label}
    </option>
  ));
});
