import { displayTitle } from "./titles";

const both = { title_en: "Smart lamp poles", title_zh: "智慧灯杆" };

describe("displayTitle", () => {
  it("shows the title in the UI language", () => {
    expect(displayTitle(both, "en")).toEqual({ text: "Smart lamp poles", fallback: false, lang: "en" });
    expect(displayTitle(both, "zh-CN")).toEqual({ text: "智慧灯杆", fallback: false, lang: "zh-CN" });
  });

  it("falls back to the other language when one is missing", () => {
    expect(displayTitle({ title_en: "", title_zh: "无人机" }, "en")).toEqual({
      text: "无人机",
      fallback: true,
      lang: "zh-CN",
    });
    expect(displayTitle({ title_en: "Drones", title_zh: "  " }, "zh-CN").text).toBe("Drones");
  });

  it("returns empty text when there is no title at all", () => {
    expect(displayTitle({ title_en: "", title_zh: "" }, "en")).toEqual({ text: "", fallback: false, lang: "zh-CN" });
  });
});
