import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../i18n";
import { api, ApiFailure } from "../../platform/api";
import * as dialog from "../../platform/dialog";
import { Providers } from "../../test/render";
import { SettingsScreen } from "./SettingsScreen";

describe("settings", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("shows where the database lives and the versions", () => {
    render(<Providers><SettingsScreen /></Providers>);
    expect(screen.getByTestId("settings-db-path")).toHaveTextContent("/home/li/.local/share/normdesk/normdesk.db");
    expect(screen.getByTestId("settings-schema-version")).toHaveTextContent("1");
    expect(screen.getByTestId("settings-app-version")).toHaveTextContent("0.1.0");
    expect(screen.getByTestId("settings-display-name")).toHaveValue("Li Wei");
  });

  it("switches the language at once and saves the choice", async () => {
    const setLanguage = vi.spyOn(api, "setLanguage").mockResolvedValue(null);
    render(<Providers><SettingsScreen /></Providers>);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Settings");

    await userEvent.selectOptions(screen.getByTestId("settings-language"), "zh-CN");

    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("设置"));
    expect(setLanguage).toHaveBeenCalledWith("zh-CN");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(document.body.dataset.lang).toBe("zh-CN");
    expect(screen.getByTestId("settings-language")).toHaveValue("zh-CN");
  });

  it("goes back to the previous language when saving the choice fails", async () => {
    vi.spyOn(api, "setLanguage").mockRejectedValue(new ApiFailure("io", "settings file is read-only"));
    render(<Providers><SettingsScreen /></Providers>);
    await userEvent.selectOptions(screen.getByTestId("settings-language"), "zh-CN");
    expect(await screen.findByTestId("notice")).toHaveTextContent("settings file is read-only");
    expect(screen.getByTestId("settings-language")).toHaveValue("en");
  });

  it("saves the display name", async () => {
    const setName = vi.spyOn(api, "setDisplayName").mockResolvedValue(null);
    render(<Providers><SettingsScreen /></Providers>);
    const input = screen.getByTestId("settings-display-name");
    await userEvent.clear(input);
    await userEvent.type(input, "王芳 · 标准化研究院");
    await userEvent.click(screen.getByTestId("settings-display-name-save"));
    expect(setName).toHaveBeenCalledWith("王芳 · 标准化研究院");
    expect(await screen.findByTestId("notice")).toHaveTextContent("Display name saved.");
  });

  it("backs up to the file chosen in the save dialog, proposing today's name", async () => {
    const choose = vi.spyOn(dialog, "chooseBackupPath").mockResolvedValue("/tmp/normdesk-backup.db");
    const backup = vi.spyOn(api, "backupDatabase").mockResolvedValue(null);
    render(<Providers><SettingsScreen /></Providers>);
    await userEvent.click(screen.getByTestId("settings-backup"));

    expect(choose.mock.calls[0][0]).toMatch(/^normdesk-backup-\d{4}-\d{2}-\d{2}\.db$/);
    expect(backup).toHaveBeenCalledWith("/tmp/normdesk-backup.db");
    expect(await screen.findByTestId("notice")).toHaveTextContent("Backup written to /tmp/normdesk-backup.db");
  });

  it("does nothing when the save dialog is cancelled", async () => {
    vi.spyOn(dialog, "chooseBackupPath").mockResolvedValue(null);
    const backup = vi.spyOn(api, "backupDatabase");
    render(<Providers><SettingsScreen /></Providers>);
    await userEvent.click(screen.getByTestId("settings-backup"));
    expect(backup).not.toHaveBeenCalled();
    expect(screen.queryByTestId("notice")).toBeNull();
  });
});
