// Stage helpers over the catalog the core sends (`stages()`): the group of a code, names in the UI
// language, the Chinese process name (预研 … 废止) for national, local and group standards, and the
// history order the timeline shows.

import type { Stage, StageCatalog, StageEvent, StageGroup, Tier } from "../platform/api";
import { isChinese } from "./language";

/** Tiers whose projects follow the Chinese process and show its stage names. */
export const CN_PROCESS_TIERS: readonly Tier[] = ["national", "local", "group"];

export function usesCnProcess(tier: Tier): boolean {
  return CN_PROCESS_TIERS.includes(tier);
}

/** "30.20" → "30". */
export function groupOf(code: string): string {
  return code.slice(0, 2);
}

export function findStage(catalog: StageCatalog, code: string): Stage | undefined {
  return catalog.stages.find((s) => s.code === code);
}

export function findGroup(catalog: StageCatalog, code: string): StageGroup | undefined {
  const group = groupOf(code);
  return catalog.groups.find((g) => g.group === group);
}

export function localName(named: { name_en: string; name_zh: string }, language: string): string {
  return isChinese(language) ? named.name_zh : named.name_en;
}

/** The full name of a code in the UI language; the code itself if the catalog lacks it. */
export function stageName(catalog: StageCatalog, code: string, language: string): string {
  const stage = findStage(catalog, code);
  return stage ? localName(stage, language) : code;
}

/**
 * The short label of a code's group: the Chinese process name (征求意见) for Chinese-tier projects
 * when the UI is Chinese, else the group name in the UI language ("Committee").
 */
export function shortStageName(catalog: StageCatalog, code: string, tier: Tier, language: string): string {
  const group = findGroup(catalog, code);
  if (!group) return "";
  if (usesCnProcess(tier) && isChinese(language)) return group.cn_process;
  return localName(group, language);
}

/** The label of a group in pickers: "Committee · 征求意见" for Chinese tiers. */
export function groupLabel(group: StageGroup, tier: Tier | null, language: string): string {
  const name = `${group.group} ${localName(group, language)}`;
  return tier && usesCnProcess(tier) ? `${name} · ${group.cn_process}` : name;
}

export interface StageSection {
  group: StageGroup;
  stages: Stage[];
}

/** The codes grouped by stage group, in catalog order; groups without codes are left out. */
export function stageSections(catalog: StageCatalog): StageSection[] {
  return catalog.groups
    .map((group) => ({ group, stages: catalog.stages.filter((s) => s.group === group.group) }))
    .filter((section) => section.stages.length > 0);
}

/** The code after `code` in catalog order (the usual next step), or `code` itself at the end. */
export function nextStageCode(catalog: StageCatalog, code: string): string {
  const i = catalog.stages.findIndex((s) => s.code === code);
  if (i < 0) return catalog.stages[0]?.code ?? code;
  return catalog.stages[Math.min(i + 1, catalog.stages.length - 1)].code;
}

/** History for the timeline: newest on top; on equal dates the later entry first. */
export function newestFirst(history: readonly StageEvent[]): StageEvent[] {
  return history
    .map((event, order) => ({ event, order }))
    .sort((a, b) => (a.event.date === b.event.date ? b.order - a.order : a.event.date < b.event.date ? 1 : -1))
    .map(({ event }) => event);
}
