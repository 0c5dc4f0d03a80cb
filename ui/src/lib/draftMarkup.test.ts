import { describe, expect, it } from "vitest";
import fixtures from "../../../crates/normdesk-text/tests/fixtures/markup.json";
import { isTermNumber, lineKind } from "./draftMarkup";

describe("draft markup, from the table the Rust rules are checked against", () => {
  it.each(fixtures.lines)("$line is a $kind line", ({ line, kind }) => {
    expect(lineKind(line)).toBe(kind);
  });
});

describe("terms entries", () => {
  it.each([
    ["3.1", true],
    ["3.1 Vertiport", false],
    ["3", false],
    ["vertiport", false],
  ])("%s numbers a term on the next line: %s", (line, want) => {
    expect(isTermNumber(line)).toBe(want);
  });
});
