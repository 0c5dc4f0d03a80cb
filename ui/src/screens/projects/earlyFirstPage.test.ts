// The early first page is handed to the list once, and only for exactly the query it asked for.

import { beforeEach, describe, expect, it, vi } from "vitest";

const listProjects = vi.fn();
vi.mock("../../platform/api", () => ({ api: { listProjects: (q: unknown) => listProjects(q) } }));

import { localToday } from "../../lib/dates";
import { buildQuery, DEFAULT_SORT, NO_FILTERS } from "../../lib/projectQuery";
import { startEarlyFirstPage, takeEarlyFirstPage, takeSettledFirstPage } from "./earlyFirstPage";

const page = { total: 1, offset: 0, rows: [] };

describe("early first page", () => {
  beforeEach(() => {
    listProjects.mockReset().mockResolvedValue(page);
  });

  it("is asked for at once and handed out once for the default query", async () => {
    startEarlyFirstPage();
    expect(listProjects).toHaveBeenCalledTimes(1);
    const query = buildQuery(NO_FILTERS, DEFAULT_SORT, 0, localToday());
    expect(listProjects).toHaveBeenCalledWith(query);
    await expect(takeEarlyFirstPage(query)).resolves.toBe(page);
    expect(takeEarlyFirstPage(query)).toBeNull();
  });

  it("is not used for another query", () => {
    startEarlyFirstPage();
    const other = buildQuery({ ...NO_FILTERS, search: "航空器" }, DEFAULT_SORT, 0, localToday());
    expect(takeEarlyFirstPage(other)).toBeNull();
    expect(takeEarlyFirstPage(buildQuery(NO_FILTERS, DEFAULT_SORT, 0, localToday()))).toBeNull();
  });

  it("is handed out settled once it has arrived, so the first render holds the rows", async () => {
    startEarlyFirstPage();
    const query = buildQuery(NO_FILTERS, DEFAULT_SORT, 0, localToday());
    expect(takeSettledFirstPage(query)).toBeNull();
    await Promise.resolve();
    await Promise.resolve();
    expect(takeSettledFirstPage(query)).toBe(page);
    expect(takeSettledFirstPage(query)).toBeNull();
  });
});
