// Starting values of the register forms and which screen shows a record of each kind: plain
// data shared by the screens and the shell.

import type { CommitteeInput, CommitteeKind, Measure, PersonInput, SearchKind, StatementInput, TargetInput } from "../../platform/registers";

export const EMPTY_PERSON: PersonInput = { name_zh: "", name_en: "", email: "", phone: "", organisation_id: null, expertise: "", sample: false };

export const EMPTY_STATEMENT: StatementInput = { direction: "incoming", title: "", from_party: "", to_party: "", committee_id: null, liaison_id: null, purpose: "action", deadline: null, state: "pending", in_response_to: null, body: "", sample: false };

/** A new committee: at the top a TC; under a TC an SC; further down a WG — in the parent's organisation. */
export function emptyCommittee(parent: { id: string; organisation_id: string | null; kind: CommitteeKind } | null): CommitteeInput {
  const kind: CommitteeKind = !parent ? "TC" : parent.kind === "TC" ? "SC" : "WG";
  return { reference: "", title_en: "", title_zh: "", organisation_id: parent?.organisation_id ?? null, parent_id: parent?.id ?? null, kind, secretariat: "", membership: "none", scope: "", sample: false };
}

export const REGISTER_SCREENS = ["dashboard", "committees", "people", "organisations", "liaisons", "statements"] as const;
export type RegisterScreenName = (typeof REGISTER_SCREENS)[number];

export function isRegisterScreen(screen: string): screen is RegisterScreenName {
  return (REGISTER_SCREENS as readonly string[]).includes(screen);
}

/** The screen that shows a record of `kind`. */
export function screenOf(kind: SearchKind): RegisterScreenName | "projects" {
  const screens: Record<SearchKind, RegisterScreenName | "projects"> = {
    project: "projects",
    committee: "committees",
    person: "people",
    organisation: "organisations",
    liaison: "liaisons",
    statement: "statements",
  };
  return screens[kind];
}

export const MEASURES: readonly Measure[] = ["international_projects", "experts_trained", "organisations_in_city"];
export const EMPTY_TARGET: TargetInput = { name_en: "", name_zh: "", measure: "international_projects", goal: null, deadline: null };
