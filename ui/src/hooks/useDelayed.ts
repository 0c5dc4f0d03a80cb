// True only once `flag` has stayed true for `ms` milliseconds: spinners for slow work only, so
// quick loads do not flicker.

import { useEffect, useState } from "react";

export function useDelayed(flag: boolean, ms = 250): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), ms);
    return () => window.clearTimeout(timer);
  }, [flag, ms]);
  return flag && shown;
}
