import { backupFileName, isIsoDate, localToday } from "./dates";

describe("localToday", () => {
  it("uses the local calendar date with zero padding", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(localToday(new Date(2025, 11, 31, 0, 0))).toBe("2025-12-31");
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-03-01", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-02-30", false],
    ["2025-13-01", false],
    ["2025-1-01", false],
    ["01/03/2026", false],
    ["", false],
  ])("%s → %s", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});

it("names the backup after the day it is made", () => {
  expect(backupFileName("2026-03-01")).toBe("normdesk-backup-2026-03-01.db");
});
