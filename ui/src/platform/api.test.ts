import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { api, ApiFailure } from "./api";

afterEach(() => clearMocks());

describe("api client over IPC", () => {
  it("sends camelCase arguments to the snake_case command and resolves its data", async () => {
    const seen: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return { total: 1, offset: 0, rows: [] };
    });
    const query = {
      search: "灯杆", tier: null, deliverable: null, stage_group: null, committee_id: null, our_role: null,
      overdue: false, sort: "reference" as const, descending: false, offset: 0, limit: 100, today: null,
    };
    await expect(api.listProjects(query)).resolves.toEqual({ total: 1, offset: 0, rows: [] });
    expect(seen).toEqual([{ cmd: "list_projects", args: { query } }]);
  });

  it("throws an ApiFailure carrying kind, message and field", async () => {
    mockIPC(() => {
      throw { kind: "validation", message: "reference: required", field: "reference" };
    });
    const failure = await api.getProject("x").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ kind: "validation", message: "reference: required", field: "reference" });
  });

  it("turns a bare string rejection into an internal failure", async () => {
    mockIPC(() => {
      throw "command delete_project not found";
    });
    await expect(api.deleteProject("x")).rejects.toMatchObject({ kind: "internal", message: "command delete_project not found", field: null });
  });

  it("resolves unit commands to null", async () => {
    mockIPC(() => null);
    await expect(api.setLanguage("zh-CN")).resolves.toBeNull();
  });
});
