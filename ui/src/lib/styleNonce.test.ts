import { styleNonce } from "./styleNonce";

describe("styleNonce", () => {
  afterEach(() => document.head.querySelectorAll("style").forEach((s) => s.remove()));

  it("reads the nonce Tauri put on the page's <style>", () => {
    document.head.insertAdjacentHTML("beforeend", "<style></style><style nonce=\"8052431\"></style>");
    expect(styleNonce()).toBe("8052431");
  });

  it("is undefined where the page has none (the dev server, tests)", () => {
    document.head.insertAdjacentHTML("beforeend", "<style></style>");
    expect(styleNonce()).toBeUndefined();
  });
});
