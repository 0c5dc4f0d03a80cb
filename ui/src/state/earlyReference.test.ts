// The reference data is asked for once early, and afresh for any later provider.

import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = { appInfo: vi.fn(), stages: vi.fn(), lookups: vi.fn() };
vi.mock("../platform/api", () => ({
  api: { appInfo: () => calls.appInfo(), stages: () => calls.stages(), lookups: () => calls.lookups() },
}));

import { startEarlyReference, takeReferenceRequests } from "./earlyReference";

describe("early reference data", () => {
  beforeEach(() => {
    for (const call of Object.values(calls)) call.mockReset().mockResolvedValue({});
  });

  it("is asked for at once, handed out once, and afresh after that", async () => {
    startEarlyReference();
    expect(calls.appInfo).toHaveBeenCalledTimes(1);
    expect(calls.stages).toHaveBeenCalledTimes(1);
    await takeReferenceRequests().catalog;
    expect(calls.lookups).toHaveBeenCalledTimes(1);
    takeReferenceRequests();
    expect(calls.stages).toHaveBeenCalledTimes(2);
  });
});
