// Tidy checks on the source itself: the architecture rules of ui/ hold for every file.

const sources = import.meta.glob<string>(["./**/*.{ts,tsx,css}", "!./bindings.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const index = import.meta.glob<string>("../index.html", { query: "?raw", import: "default", eager: true });

const files = Object.entries(sources);
const code = files.filter(([path]) => /\.tsx?$/.test(path));
const isTest = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith("./test/");

describe("ui architecture", () => {
  it("sees the source tree as it is written", () => {
    expect(code.length).toBeGreaterThan(30);
    expect(files.filter(([path]) => path.endsWith(".css")).length).toBeGreaterThan(3);
    expect(files.filter(([, text]) => text.trim() === "").map(([path]) => path)).toEqual([]);
  });

  it("lets only src/platform/ talk to Tauri", () => {
    const offenders = code
      .filter(([path]) => !path.startsWith("./platform/"))
      .filter(([, text]) => /from\s+["']@tauri-apps\//.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it("opens every module with a comment saying what it owns", () => {
    const bare = code
      .filter(([path]) => !isTest(path) && path !== "./vite-env.d.ts")
      .filter(([, text]) => !/^(\/\/|\/\*)/.test(text.trimStart()))
      .map(([path]) => path);
    expect(bare).toEqual([]);
  });

  it("keeps files small enough to read in one sitting", () => {
    const long = files.filter(([, text]) => text.split("\n").length > 400).map(([path]) => path);
    expect(long).toEqual([]);
  });

  it("loads nothing remote and evaluates no strings", () => {
    const all = [...files, ...Object.entries(index)];
    const remote = all.filter(([path, text]) => !isTest(path) && /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(text.replace(/^\s*\/\/.*$/gm, "")));
    expect(remote.map(([path]) => path)).toEqual([]);
    const evals = code.filter(([, text]) => /\beval\(|new Function\(/.test(text));
    expect(evals.map(([path]) => path)).toEqual([]);
  });
});
