import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../i18n";
import { localToday } from "../../lib/dates";
import { ApiFailure } from "../../platform/api";
import { reviewApi } from "../../platform/review";
import { catalog } from "../../test/catalog";
import { renderWithApp } from "../../test/render";
import { StageDialog } from "./StageDialog";

function open(tier: "local" | "international", onApply = vi.fn(() => Promise.resolve()), projectId?: string) {
  renderWithApp(<StageDialog catalog={catalog} tier={tier} current="30.20" projectId={projectId} onApply={onApply} onClose={() => {}} />);
  return onApply;
}

describe("stage dialog", () => {
  afterEach(async () => {
    await i18n.changeLanguage("en");
  });

  it("lists the 46 codes grouped by stage group", () => {
    open("international");
    const select = screen.getByTestId("stage-code");
    const options = within(select).getAllByRole("option");
    expect(options).toHaveLength(46);
    expect(options.map((o) => (o as HTMLOptionElement).value)).toContain("95.99");
    expect(select.querySelectorAll("optgroup")).toHaveLength(9);
    expect(select).toHaveValue("30.60");
  });

  it("shows the Chinese process name for a local standard", () => {
    open("local");
    const groups = Array.from(screen.getByTestId("stage-code").querySelectorAll("optgroup")).map((g) => g.label);
    expect(groups).toContain("30 Committee · 征求意见");
    expect(groups).toContain("00 Preliminary · 预研");
    expect(screen.getByTestId("stage-cn-process")).toHaveTextContent("征求意见");
  });

  it("does not show Chinese process names for an international standard", () => {
    open("international");
    expect(screen.getByTestId("stage-code").querySelector("optgroup")?.label).toBe("00 Preliminary");
    expect(screen.queryByTestId("stage-cn-process")).toBeNull();
  });

  it("names the codes in the UI language", async () => {
    await i18n.changeLanguage("zh-CN");
    open("international");
    expect(within(screen.getByTestId("stage-code")).getByRole("option", { name: /40\.20 国际标准草案投票开始/ })).toBeInTheDocument();
  });

  it("applies the chosen code with today's date and the note", async () => {
    const onApply = open("international");
    expect(screen.getByTestId("stage-date")).toHaveValue(localToday());
    await userEvent.selectOptions(screen.getByTestId("stage-code"), "40.20");
    await userEvent.type(screen.getByTestId("stage-note"), "DIS ballot opened");
    await userEvent.click(screen.getByTestId("stage-apply"));
    expect(onApply).toHaveBeenCalledWith({ code: "40.20", date: localToday(), note: "DIS ballot opened" }, []);
  });

  describe("offers to name a revision of each draft", () => {
    function withOffers() {
      return vi.spyOn(reviewApi, "revisionOffers").mockImplementation((_p, stage) =>
        Promise.resolve([
          { draft_id: "de", lang: "en", name: stage.startsWith("40") ? "DIS" : "CD2", used: ["CD1"] },
          { draft_id: "dz", lang: "zh", name: null, used: [] },
        ]),
      );
    }

    it("suggests a name from the new stage, checked when the stage group changes", async () => {
      const offers = withOffers();
      open("international", undefined, "p1");
      const [en] = await screen.findAllByTestId("stage-offer");
      expect(offers).toHaveBeenCalledWith("p1", "30.60");
      expect(within(en).getByTestId("stage-offer-name")).toHaveValue("CD2");
      expect(within(en).getByTestId("stage-offer-check")).not.toBeChecked();
      await userEvent.selectOptions(screen.getByTestId("stage-code"), "40.20");
      await waitFor(() => expect(within(screen.getAllByTestId("stage-offer")[0]).getByTestId("stage-offer-name")).toHaveValue("DIS"));
      expect(within(screen.getAllByTestId("stage-offer")[0]).getByTestId("stage-offer-check")).toBeChecked();
      expect(within(screen.getAllByTestId("stage-offer")[1]).getByTestId("stage-offer-check")).not.toBeChecked();
    });

    it("names the checked revisions after the change, and refuses a used name beside it", async () => {
      withOffers();
      const onApply = open("international", undefined, "p1");
      await userEvent.selectOptions(screen.getByTestId("stage-code"), "40.20");
      const en = () => screen.getAllByTestId("stage-offer")[0];
      await waitFor(() => expect(within(en()).getByTestId("stage-offer-name")).toHaveValue("DIS"));
      await userEvent.clear(within(en()).getByTestId("stage-offer-name"));
      await userEvent.type(within(en()).getByTestId("stage-offer-name"), "CD1");
      await userEvent.click(screen.getByTestId("stage-apply"));
      expect(within(en()).getByTestId("error-stage-offer")).toHaveTextContent("already has a revision named 'CD1'");
      expect(onApply).not.toHaveBeenCalled();
      await userEvent.clear(within(en()).getByTestId("stage-offer-name"));
      await userEvent.type(within(en()).getByTestId("stage-offer-name"), "DIS");
      await userEvent.click(screen.getByTestId("stage-apply"));
      expect(onApply).toHaveBeenCalledWith({ code: "40.20", date: localToday(), note: "" }, [{ draftId: "de", lang: "en", name: "DIS" }]);
    });
  });

  it("shows the core's refusal inside the dialog", async () => {
    open("international", vi.fn(() => Promise.reject(new ApiFailure("validation", "date: 2030-01-01 is in the future", "date"))));
    await userEvent.click(screen.getByTestId("stage-apply"));
    await waitFor(() => expect(screen.getByTestId("error-stage-date")).toHaveTextContent("is in the future"));
  });
});
