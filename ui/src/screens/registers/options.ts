// Choices for the register forms' record pickers that the app-wide lookups do not hold:
// organisations (acronym and name), liaisons and statements. Loaded when a form opens.

import { useEffect, useState } from "react";
import type { RefLabel } from "../../platform/api";
import { registersApi } from "../../platform/registers";

export function useOrganisationOptions(): RefLabel[] {
  const [options, setOptions] = useState<RefLabel[]>([]);
  useEffect(() => {
    let live = true;
    registersApi
      .listOrganisations("", false)
      .then((rows) => live && setOptions(rows.map((o) => ({ id: o.id, label: [o.acronym, o.name_zh || o.name_en].filter(Boolean).join(" · ") }))))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return options;
}

export function useLiaisonOptions(): RefLabel[] {
  const [options, setOptions] = useState<RefLabel[]>([]);
  useEffect(() => {
    let live = true;
    registersApi
      .listLiaisons({})
      .then((rows) => live && setOptions(rows.map((l) => ({ id: l.id, label: `${l.organisation?.label ?? "—"} ↔ ${l.committee?.label ?? "—"} (${l.category})` }))))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return options;
}

export function useStatementOptions(exclude: string | null): RefLabel[] {
  const [options, setOptions] = useState<RefLabel[]>([]);
  useEffect(() => {
    let live = true;
    registersApi
      .listStatements({ limit: 1000 })
      .then((page) => live && setOptions(page.rows.filter((s) => s.id !== exclude).map((s) => ({ id: s.id, label: `${s.title} (${s.direction === "incoming" ? "←" : "→"} ${s.deadline ?? ""})` }))))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [exclude]);
  return options;
}
