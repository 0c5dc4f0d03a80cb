import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { i18n } from "./i18n";
import { api, ApiFailure } from "./platform/api";
import { catalog } from "./test/catalog";
import { detail, info, lookups, pageOf } from "./test/fixtures";
import { fakeViewport } from "./test/render";

let restoreViewport: () => void;
beforeEach(() => {
  restoreViewport = fakeViewport();
  vi.spyOn(api, "stages").mockResolvedValue(catalog);
  vi.spyOn(api, "lookups").mockResolvedValue(lookups);
  vi.spyOn(api, "listProjects").mockImplementation(pageOf(5));
  vi.spyOn(api, "getProject").mockImplementation((id) => Promise.resolve(detail(Number(id.slice(1)))));
});
afterEach(async () => {
  restoreViewport();
  await i18n.changeLanguage("en");
});

function renderApp() {
  return render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
}

describe("the app", () => {
  it("opens in the saved language, whatever the system says", async () => {
    vi.spyOn(api, "appInfo").mockResolvedValue({ ...info, language: "zh-CN" });
    renderApp();
    expect(await screen.findByTestId("nav-projects")).toHaveTextContent("项目");
    await waitFor(() => expect(document.body.dataset.lang).toBe("zh-CN"));
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(await screen.findByTestId("project-total")).toHaveTextContent("5");
    await waitFor(() => expect(document.body.dataset.ready).toBe("true"));
  });

  it("follows the system language on first start", async () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("zh-TW");
    vi.spyOn(api, "appInfo").mockResolvedValue({ ...info, language: null });
    renderApp();
    await waitFor(() => expect(document.body.dataset.lang).toBe("zh-CN"));
  });

  it("says plainly when the database cannot be opened", async () => {
    const message = "the database /data/normdesk.db was written by a newer Normdesk (schema 3, this version knows up to 1); update Normdesk to open it";
    vi.spyOn(api, "appInfo").mockRejectedValue(new ApiFailure("newer_schema", message));
    renderApp();
    expect(await screen.findByTestId("startup-error")).toHaveTextContent(message);
  });

  it("asks before leaving a dirty form for Settings", async () => {
    vi.spyOn(api, "appInfo").mockResolvedValue(info);
    renderApp();
    await userEvent.click((await screen.findAllByTestId("project-row"))[0]);
    await userEvent.type(await screen.findByTestId("field-scope"), "More scope");

    await userEvent.click(screen.getByTestId("nav-settings"));
    await userEvent.click(await screen.findByTestId("confirm-cancel"));
    expect(screen.queryByTestId("settings-language")).toBeNull();

    await userEvent.click(screen.getByTestId("nav-settings"));
    await userEvent.click(await screen.findByTestId("confirm-discard"));
    expect(await screen.findByTestId("settings-language")).toBeInTheDocument();
  });
});
