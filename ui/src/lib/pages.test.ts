import { missingPages, pagesForRange, rowAt } from "./pages";

describe("list pages", () => {
  it("covers a visible range with pages of 100", () => {
    expect(pagesForRange(0, 30, 100, 100_000)).toEqual([0]);
    expect(pagesForRange(95, 130, 100, 100_000)).toEqual([0, 1]);
    expect(pagesForRange(99_990, 100_020, 100, 100_000)).toEqual([999]);
  });

  it("asks for nothing when the list is empty", () => {
    expect(pagesForRange(0, 20, 100, 0)).toEqual([]);
  });

  it("does not fetch cached pages or pages already on their way", () => {
    const cached = new Map([[0, []]]);
    expect(missingPages([0, 1, 2], cached, new Set([2]))).toEqual([1]);
  });

  it("reads a row out of its page", () => {
    const pages = new Map([[1, ["a", "b"]]]);
    expect(rowAt(pages, 101, 100)).toBe("b");
    expect(rowAt(pages, 5, 100)).toBeUndefined();
  });
});
