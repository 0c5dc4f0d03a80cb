import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ApiFailure } from "../../platform/api";
import * as dialog from "../../platform/dialog";
import { syncApi, type Progress } from "../../platform/sync";
import { setOpenConflicts } from "../../state/openConflicts";
import { renderWithApp } from "../../test/render";
import { history, overview, plan } from "../../test/syncFixtures";
import { SyncScreen } from "./SyncScreen";

beforeEach(() => {
  setOpenConflicts(0);
  vi.spyOn(syncApi, "overview").mockResolvedValue(overview);
  vi.spyOn(syncApi, "cancel").mockResolvedValue(null);
});

describe("sync screen", () => {
  it("shows this workstation and the colleagues known to it", async () => {
    renderWithApp(<SyncScreen />);
    expect(await screen.findByTestId("sync-me-name")).toHaveTextContent("Chen Jing");
    expect(screen.getByTestId("sync-me-replica")).toHaveTextContent(overview.me.id);
    const colleague = await screen.findByTestId("sync-colleague");
    expect(colleague).toHaveTextContent("Li Ming");
    expect(colleague).toHaveTextContent("1532 changes held");
  });

  it("previews a bundle and writes nothing until Apply", async () => {
    vi.spyOn(dialog, "chooseBundleToOpen").mockResolvedValue("/media/usb/2026-11-27-1030-LiMing-full.ndbundle");
    const preview = vi.spyOn(syncApi, "preview").mockImplementation(async (_path, onProgress) => {
      onProgress({ phase: "verify", done: 10, total: 20 });
      return plan(true);
    });
    const apply = vi.spyOn(syncApi, "importBundle").mockResolvedValue(plan(false));
    renderWithApp(<SyncScreen />);
    await userEvent.click(screen.getByTestId("sync-import-choose"));

    expect(preview).toHaveBeenCalledWith("/media/usb/2026-11-27-1030-LiMing-full.ndbundle", expect.any(Function));
    const rows = await screen.findAllByTestId("sync-plan-row");
    const project = rows.find((r) => r.dataset.kind === "project")!;
    expect(within(project).getByText("Project")).toBeInTheDocument();
    expect(project.querySelector('[data-column="conflicting"]')).toHaveTextContent("1");
    expect(project.querySelector('[data-column="new"]')).toHaveTextContent("2");
    // Kinds something happens to come first.
    expect(screen.getAllByTestId("sync-plan-row")[0].dataset.kind).toBe("project");
    expect(screen.getByTestId("sync-plan-authors")).toHaveTextContent("Li Ming (120)");
    expect(screen.getByTestId("sync-plan-conflicts")).toHaveTextContent("1 fields were changed here and there");
    expect(screen.getByTestId("sync-import-file")).toHaveTextContent("2026-11-27-1030-LiMing-full.ndbundle");
    expect(apply).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId("sync-import-apply"));
    expect(apply).toHaveBeenCalledWith("/media/usb/2026-11-27-1030-LiMing-full.ndbundle", expect.any(Function));
    expect(await screen.findByTestId("sync-import-result")).toHaveTextContent("100 changes applied");
    expect(screen.getByTestId("sync-import-show-conflicts")).toHaveTextContent("Review conflicts (1)");
  });

  it("shows progress while applying and keeps the preview when the import is cancelled", async () => {
    vi.spyOn(dialog, "chooseBundleToOpen").mockResolvedValue("/tmp/b.ndbundle");
    vi.spyOn(syncApi, "preview").mockResolvedValue(plan(true));
    let report: (p: Progress) => void = () => {};
    let reject: (e: unknown) => void = () => {};
    vi.spyOn(syncApi, "importBundle").mockImplementation(
      (_path, onProgress) =>
        new Promise((_resolve, rej) => {
          report = onProgress;
          reject = rej;
        }),
    );
    renderWithApp(<SyncScreen />);
    await userEvent.click(screen.getByTestId("sync-import-choose"));
    await userEvent.click(await screen.findByTestId("sync-import-apply"));
    report({ phase: "apply", done: 2000, total: 8000 });
    const progress = await screen.findByTestId("sync-import-progress");
    await waitFor(() => expect(progress).toHaveTextContent("2000 of 8000"));
    expect(progress).toHaveAttribute("data-phase", "apply");

    await userEvent.click(screen.getByTestId("sync-import-progress-cancel"));
    expect(syncApi.cancel).toHaveBeenCalled();
    reject(new ApiFailure("cancelled", "cancelled; nothing was changed"));
    expect(await screen.findByTestId("notice")).toHaveTextContent("Import cancelled; nothing was changed.");
    expect(screen.getByTestId("sync-import-apply")).toBeInTheDocument();
  });

  it("says why a file was refused, naming it", async () => {
    vi.spyOn(dialog, "chooseBundleToOpen").mockResolvedValue("/tmp/notes.ndbundle");
    vi.spyOn(syncApi, "preview").mockRejectedValue(
      new ApiFailure("refused", "bundle notes.ndbundle: not a zip file; nothing was imported"),
    );
    renderWithApp(<SyncScreen />);
    await userEvent.click(screen.getByTestId("sync-import-choose"));
    expect(await screen.findByTestId("sync-import-refused")).toHaveTextContent("bundle notes.ndbundle: not a zip file");
    expect(screen.getByTestId("sync-import-choose")).toBeInTheDocument();
  });

  it("offers only Close for a bundle imported before", async () => {
    vi.spyOn(dialog, "chooseBundleToOpen").mockResolvedValue("/tmp/b.ndbundle");
    vi.spyOn(syncApi, "preview").mockResolvedValue(plan(true, { already_imported: true, new_conflicts: 0 }));
    renderWithApp(<SyncScreen />);
    await userEvent.click(screen.getByTestId("sync-import-choose"));
    expect(await screen.findByTestId("sync-already-imported")).toBeInTheDocument();
    expect(screen.queryByTestId("sync-import-apply")).toBeNull();
    await userEvent.click(screen.getByTestId("sync-import-discard"));
    expect(screen.getByTestId("sync-import-choose")).toBeInTheDocument();
  });

  it("exports a full bundle to the file chosen in the save dialog, proposing the core's name", async () => {
    vi.spyOn(syncApi, "fileName").mockResolvedValue("2026-11-27-1100-ChenJing-full.ndbundle");
    const choose = vi.spyOn(dialog, "chooseBundleDestination").mockResolvedValue("/media/usb/out.ndbundle");
    const exp = vi.spyOn(syncApi, "exportBundle").mockResolvedValue({
      bundle_id: "b9",
      file: "/media/usb/out.ndbundle",
      recipient: null,
      changes: 336,
      by_kind: [["project", 300], ["person", 36]],
      drafts: 0,
    });
    renderWithApp(<SyncScreen />);
    await userEvent.click(screen.getByTestId("sync-export"));
    expect(syncApi.fileName).toHaveBeenCalledWith(null);
    expect(choose.mock.calls[0][0]).toBe("2026-11-27-1100-ChenJing-full.ndbundle");
    expect(exp).toHaveBeenCalledWith("/media/usb/out.ndbundle", null, expect.any(Function));
    const result = await screen.findByTestId("sync-export-result");
    expect(result).toHaveTextContent("336 changes");
    expect(screen.getByTestId("sync-export-file")).toHaveTextContent("out.ndbundle");
    expect(result).toHaveTextContent("Project 300, Person 36");
  });

  it("exports for a named colleague only what they lack", async () => {
    vi.spyOn(syncApi, "fileName").mockResolvedValue("x-to-LiMing.ndbundle");
    vi.spyOn(dialog, "chooseBundleDestination").mockResolvedValue(null);
    const exp = vi.spyOn(syncApi, "exportBundle");
    renderWithApp(<SyncScreen />);
    await screen.findByTestId("sync-colleague");
    await userEvent.selectOptions(screen.getByTestId("sync-export-peer"), overview.colleagues[0].replica.id);
    await userEvent.click(screen.getByTestId("sync-export"));
    expect(syncApi.fileName).toHaveBeenCalledWith(overview.colleagues[0].replica.id);
    expect(exp).not.toHaveBeenCalled();
  });

  it("lists the history of bundles sent and received", async () => {
    vi.spyOn(syncApi, "history").mockResolvedValue(history);
    renderWithApp(<SyncScreen />);
    await userEvent.click(screen.getByTestId("sync-tab-history"));
    const rows = await screen.findAllByTestId("history-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute("data-direction", "import");
    expect(rows[0]).toHaveTextContent("Li Ming");
    expect(rows[0]).toHaveTextContent("100 applied · 1 conflicts");
    expect(rows[1]).toHaveTextContent("Everyone (full bundle)");
    expect(rows[1]).toHaveTextContent("336");
  });

  it("shows the open conflicts on the Conflicts tab", async () => {
    vi.spyOn(syncApi, "overview").mockResolvedValue({ ...overview, open_conflicts: 3 });
    renderWithApp(<SyncScreen />);
    expect(await screen.findByTestId("sync-conflict-count")).toHaveTextContent("3");
  });
});
