// The typed client the rest of the UI calls. It wraps the tauri-specta bindings (generated from
// the Rust commands) and turns their `Result` values into resolved data or a thrown
// `ApiFailure`, so screens never see the `{ status, data | error }` envelope or raw IPC errors.

import { commands } from "../bindings";
import type {
  ApiError,
  AppInfo,
  Lookups,
  ProjectDetail,
  ProjectInput,
  ProjectPage,
  ProjectQuery,
  StageCatalog,
  StageChange,
} from "../bindings";

export type ApiErrorKind = ApiError["kind"];

const KINDS: readonly ApiErrorKind[] = ["validation", "not_found", "newer_schema", "io", "database", "internal", "refused", "cancelled", "fonts"];

/** A command that the core refused or that failed; `field` names the offending form field. */
export class ApiFailure extends Error {
  readonly kind: ApiErrorKind;
  readonly field: string | null;

  constructor(kind: ApiErrorKind, message: string, field: string | null = null) {
    super(message);
    this.name = "ApiFailure";
    this.kind = kind;
    this.field = field;
  }

  /** Normalises whatever the IPC layer rejected with (an ApiError, a bare string, anything). */
  static from(error: unknown): ApiFailure {
    if (error instanceof ApiFailure) return error;
    if (error && typeof error === "object") {
      const e = error as Partial<ApiError>;
      const kind = KINDS.includes(e.kind as ApiErrorKind) ? (e.kind as ApiErrorKind) : "internal";
      const message = typeof e.message === "string" ? e.message : String(error);
      const field = typeof e.field === "string" && e.field !== "" ? e.field : null;
      return new ApiFailure(kind, message, field);
    }
    return new ApiFailure("internal", typeof error === "string" ? error : String(error));
  }
}

/** What every generated command resolves to (tauri-specta's `Result`). */
type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: ApiError };

/** Resolves a generated command's `Result` to its data, or throws an `ApiFailure`. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let result: Outcome<T>;
  try {
    result = await call;
  } catch (thrown) {
    // tauri-specta rethrows Error instances (e.g. the IPC bridge is missing).
    throw ApiFailure.from(thrown instanceof Error ? thrown.message : thrown);
  }
  if (result.status === "ok") return result.data;
  throw ApiFailure.from(result.error);
}

export type Language = "zh-CN" | "en";

export const api = {
  appInfo: (): Promise<AppInfo> => unwrap(commands.appInfo()),
  setDisplayName: (name: string): Promise<null> => unwrap(commands.setDisplayName(name)),
  setLanguage: (language: Language): Promise<null> => unwrap(commands.setLanguage(language)),
  backupDatabase: (path: string): Promise<null> => unwrap(commands.backupDatabase(path)),
  stages: (): Promise<StageCatalog> => unwrap(commands.stages()),
  lookups: (): Promise<Lookups> => unwrap(commands.lookups()),
  listProjects: (query: ProjectQuery): Promise<ProjectPage> => unwrap(commands.listProjects(query)),
  getProject: (id: string): Promise<ProjectDetail> => unwrap(commands.getProject(id)),
  createProject: (input: ProjectInput): Promise<ProjectDetail> => unwrap(commands.createProject(input)),
  updateProject: (id: string, input: ProjectInput): Promise<ProjectDetail> =>
    unwrap(commands.updateProject(id, input)),
  deleteProject: (id: string): Promise<null> => unwrap(commands.deleteProject(id)),
  changeStage: (id: string, change: StageChange): Promise<ProjectDetail> =>
    unwrap(commands.changeStage(id, change)),
};

export type Api = typeof api;

export type {
  AppInfo,
  Deliverable,
  Lookups,
  OurRole,
  Project,
  ProjectDetail,
  ProjectInput,
  ProjectPage,
  ProjectQuery,
  ProjectRow,
  ProjectSort,
  RefLabel,
  Stage,
  StageCatalog,
  StageChange,
  StageEvent,
  StageGroup,
  Tier,
} from "../bindings";
