import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { api, ApiFailure } from "../../platform/api";
import { detail, pageOf } from "../../test/fixtures";
import { fakeViewport, renderWithApp } from "../../test/render";
import { ProjectsScreen } from "./ProjectsScreen";

let restoreViewport: () => void;
beforeEach(() => {
  restoreViewport = fakeViewport();
  vi.spyOn(api, "listProjects").mockImplementation(pageOf(2));
});
afterEach(() => restoreViewport());

async function openNewProject() {
  renderWithApp(<ProjectsScreen />);
  await screen.findAllByTestId("project-row");
  await userEvent.click(screen.getByTestId("project-new"));
  return screen.findByTestId("field-reference");
}

describe("project form", () => {
  it("offers every field, and the stage picker only for a new project", async () => {
    await openNewProject();
    for (const name of [
      "reference", "title_en", "title_zh", "tier", "deliverable", "committee_id", "our_role", "leader_id", "stage",
      "track_months", "start_date", "target_date", "limit_date", "scope", "purpose", "relevant_documents",
      "known_patents", "liaisons_engaged",
    ]) {
      expect(screen.getByTestId(`field-${name}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId("field-stage")).toHaveValue("00.00");
    expect(screen.getByTestId("field-committee_id")).toHaveTextContent("ISO/TC 20/SC 16");
    expect(screen.queryByTestId("stage-change")).toBeNull();
    expect(screen.queryByTestId("project-delete")).toBeNull();
  });

  it("refuses to save without a reference or a title, and says so beside the fields", async () => {
    const create = vi.spyOn(api, "createProject");
    await openNewProject();
    await userEvent.click(screen.getByTestId("project-save"));

    expect(screen.getByTestId("error-reference")).toHaveTextContent("Required.");
    expect(screen.getByTestId("error-title_en")).toHaveTextContent("Enter a title in English or in Chinese.");
    expect(create).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId("field-reference")).toHaveFocus());
  });

  it("flags a limit date before the start date as soon as it is entered", async () => {
    await openNewProject();
    await userEvent.type(screen.getByTestId("field-start_date"), "2026-05-01");
    await userEvent.type(screen.getByTestId("field-limit_date"), "2026-04-01");
    expect(screen.getByTestId("error-limit_date")).toHaveTextContent("cannot be before the start date");
  });

  it("shows the core's field error next to the field, not as a dump", async () => {
    const message = "reference: “ISO 12” does not look like an ISO reference; write it like ISO/CD 21384-5";
    vi.spyOn(api, "createProject").mockRejectedValue(new ApiFailure("validation", message, "reference"));
    const reference = await openNewProject();
    await userEvent.type(reference, "ISO 12");
    await userEvent.type(screen.getByTestId("field-title_zh"), "无人机系统");
    await userEvent.click(screen.getByTestId("project-save"));

    expect(await screen.findByTestId("error-reference")).toHaveTextContent(message);
    expect(screen.queryByTestId("notice")).toBeNull();
    expect(document.body.textContent).not.toContain('"kind"');

    // Editing the field clears the core's verdict on it.
    await userEvent.type(reference, "3");
    expect(screen.queryByTestId("error-reference")).toBeNull();
  });

  it("shows other failures as a notice", async () => {
    vi.spyOn(api, "createProject").mockRejectedValue(new ApiFailure("database", "database is locked", null));
    const reference = await openNewProject();
    await userEvent.type(reference, "T/SZS 12-2026");
    await userEvent.type(screen.getByTestId("field-title_en"), "Smart lamp poles");
    await userEvent.click(screen.getByTestId("project-save"));
    expect(await screen.findByTestId("notice")).toHaveTextContent("Could not save: database is locked");
  });

  it("creates the project with the typed values and then edits it", async () => {
    const create = vi.spyOn(api, "createProject").mockImplementation((input) =>
      Promise.resolve({ ...detail(9), project: { id: "new1", ...input } }),
    );
    const reference = await openNewProject();
    await userEvent.type(reference, "  DB4403/T 298-2026 ");
    await userEvent.type(screen.getByTestId("field-title_zh"), "智慧灯杆技术规范");
    await userEvent.selectOptions(screen.getByTestId("field-tier"), "local");
    await userEvent.selectOptions(screen.getByTestId("field-deliverable"), "DB/T");
    await userEvent.selectOptions(screen.getByTestId("field-committee_id"), "c2");
    await userEvent.selectOptions(screen.getByTestId("field-track_months"), "24");
    await userEvent.keyboard("{Control>}s{/Control}");

    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).toMatchObject({
      reference: "DB4403/T 298-2026",
      title_zh: "智慧灯杆技术规范",
      tier: "local",
      deliverable: "DB/T",
      committee_id: "c2",
      track_months: 24,
      stage: "00.00",
    });
    expect(await screen.findByTestId("notice")).toHaveTextContent("DB4403/T 298-2026 created.");
    expect(await screen.findByTestId("stage-change")).toBeInTheDocument();
    expect(screen.getByTestId("project-save")).toBeDisabled();
  });

  it("asks before Esc drops a new project that has typed text", async () => {
    const reference = await openNewProject();
    await userEvent.type(reference, "T/SZS 1-2026");
    await userEvent.keyboard("{Escape}");
    await userEvent.click(await screen.findByTestId("confirm-cancel"));
    expect(screen.getByTestId("field-reference")).toHaveValue("T/SZS 1-2026");

    await userEvent.click(screen.getByTestId("project-cancel"));
    await userEvent.click(await screen.findByTestId("confirm-discard"));
    await waitFor(() => expect(screen.queryByTestId("field-reference")).toBeNull());
  });
});
