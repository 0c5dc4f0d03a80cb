import { focusWhenShown } from "./navigation";

describe("focusWhenShown", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    vi.useRealTimers();
  });

  it("focuses the field once the record's screen shows it", () => {
    vi.useFakeTimers();
    focusWhenShown({ kind: "project", id: "p1", field: "scope", seq: 1 });
    document.body.innerHTML = '<textarea id="field-scope"></textarea>';
    vi.advanceTimersByTime(100);
    expect(document.activeElement?.id).toBe("field-scope");
  });

  it("falls back to the record's section of that name", () => {
    document.body.innerHTML = '<section data-testid="committee-members"></section>';
    focusWhenShown({ kind: "committee", id: "c1", field: "members", seq: 1 });
    const section = document.querySelector<HTMLElement>('[data-testid="committee-members"]')!;
    expect(document.activeElement).toBe(section);
    expect(section.getAttribute("tabindex")).toBe("-1");
  });

  it("gives up quietly when the field never appears, and does nothing without one", () => {
    vi.useFakeTimers();
    focusWhenShown({ kind: "project", id: "p1", field: "nowhere", seq: 1 });
    vi.advanceTimersByTime(5000);
    expect(document.activeElement).toBe(document.body);
    focusWhenShown({ kind: "project", id: "p1", seq: 2 })();
  });
});
