// The reference provider renders the app in its very first render when the early answers have
// already arrived (no loading frame), and shows the loading notice while they have not.

import { render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../i18n";
import { catalog } from "../test/catalog";
import { info, lookups } from "../test/fixtures";

const calls = { appInfo: vi.fn(), stages: vi.fn(), lookups: vi.fn() };
vi.mock("../platform/api", async (original) => ({
  ...(await original<typeof import("../platform/api")>()),
  api: { appInfo: () => calls.appInfo(), stages: () => calls.stages(), lookups: () => calls.lookups() },
}));

import { startEarlyReference } from "./earlyReference";
import { NoticeProvider } from "./NoticeProvider";
import { ReferenceProvider } from "./ReferenceProvider";

function renderProvider() {
  return render(
    <I18nextProvider i18n={i18n}>
      <NoticeProvider>
        <ReferenceProvider>
          <p>the app</p>
        </ReferenceProvider>
      </NoticeProvider>
    </I18nextProvider>,
  );
}

describe("reference provider", () => {
  beforeEach(() => {
    calls.appInfo.mockReset().mockResolvedValue(info);
    calls.stages.mockReset().mockResolvedValue(catalog);
    calls.lookups.mockReset().mockResolvedValue(lookups);
  });

  it("shows the app in its first render when the early answers are in", async () => {
    startEarlyReference();
    await new Promise((resolve) => setTimeout(resolve, 0));
    renderProvider();
    expect(screen.getByText("the app")).toBeInTheDocument();
    expect(calls.stages).toHaveBeenCalledTimes(1);
  });

  it("shows the loading notice until the answers arrive", async () => {
    startEarlyReference();
    renderProvider();
    expect(screen.queryByText("the app")).not.toBeInTheDocument();
    expect(await screen.findByText("the app")).toBeInTheDocument();
  });
});
