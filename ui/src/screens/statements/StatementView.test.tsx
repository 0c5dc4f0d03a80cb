import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { registersApi, type StatementDetail } from "../../platform/registers";
import { fakeViewport, renderWithApp } from "../../test/render";
import { EMPTY_STATEMENT } from "../registers/defaults";
import { StatementForm } from "./StatementForm";
import { StatementView } from "./StatementView";

function detail(extra: Partial<StatementDetail> = {}): StatementDetail {
  return {
    statement: { id: "s1", ...EMPTY_STATEMENT, title: "Request for comments on vertiport terminology", deadline: "2026-03-08", state: "approved" },
    committee: null,
    liaison: null,
    in_response_to: null,
    responses: [{ id: "s2", label: "Reply: comments on vertiport terminology" }],
    events: [{ id: "e1", statement_id: "s1", at: "2026-03-01T08:00:00Z", actor: "Li Wei", what: "created" }],
    attachments: [{ id: "a1", owner_kind: "statement", owner_id: "s1", name: "N1234.pdf", media_type: "application/pdf", sha256: "ab", size: 20480 }],
    next_states: ["posted", "dead"],
    overdue: true,
    ...extra,
  };
}

let restoreViewport: () => void;
afterEach(() => restoreViewport());

beforeEach(() => {
  restoreViewport = fakeViewport();
  vi.spyOn(registersApi, "listLiaisons").mockResolvedValue([]);
  vi.spyOn(registersApi, "listStatements").mockResolvedValue({ total: 0, offset: 0, rows: [] });
});

describe("a statement's page", () => {
  it("offers only the allowed next states and moves along one", async () => {
    vi.spyOn(registersApi, "getStatement").mockResolvedValue(detail());
    const move = vi.spyOn(registersApi, "setStatementState").mockResolvedValue(null);
    renderWithApp(<StatementView id="s1" onChanged={() => {}} onDeleted={() => {}} />);

    expect(await screen.findByTestId("statement-state")).toHaveTextContent("Approved");
    expect(screen.getByTestId("state-posted")).toBeInTheDocument();
    expect(screen.getByTestId("state-dead")).toBeInTheDocument();
    expect(screen.queryByTestId("state-pending")).toBeNull();
    expect(screen.queryByTestId("state-approved")).toBeNull();
    expect(screen.getByTestId("badge-overdue")).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("state-posted"));
    await waitFor(() => expect(move).toHaveBeenCalledWith("s1", "posted"));
  });

  it("shows the thread, the files and the event log", async () => {
    vi.spyOn(registersApi, "getStatement").mockResolvedValue(detail());
    renderWithApp(<StatementView id="s1" onChanged={() => {}} onDeleted={() => {}} />);
    expect(await screen.findByTestId("statement-response")).toHaveTextContent("Reply: comments");
    expect(screen.getByTestId("attachment-row")).toHaveTextContent("N1234.pdf");
    expect(screen.getByTestId("statement-event")).toHaveTextContent("Li Wei");
    expect(screen.queryByTestId("event-list-filter")).toBeNull();
  });

  it("shows a long event log a window at a time, filtered by a word", async () => {
    const events = Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`, statement_id: "s1", at: `2026-03-01T08:${String(i % 60).padStart(2, "0")}:00Z`, actor: i % 100 === 7 ? "Zhou Min" : "Li Wei", what: `state: change ${i}`,
    }));
    vi.spyOn(registersApi, "getStatement").mockResolvedValue(detail({ events }));
    renderWithApp(<StatementView id="s1" onChanged={() => {}} onDeleted={() => {}} />);
    const log = await screen.findByTestId("event-list");
    expect(log).toHaveAttribute("data-total", "400");
    expect(screen.getAllByTestId("statement-event").length).toBeLessThan(40);

    await userEvent.type(screen.getByTestId("event-list-filter"), "zhou");
    expect(screen.getByTestId("event-list-count")).toHaveTextContent("4 of 400");
    expect(screen.getAllByTestId("statement-event").map((e) => e.textContent)).toEqual(
      [7, 107, 207, 307].map((i) => expect.stringContaining(`Zhou Min: state: change ${i}`)),
    );
  });
});

describe("the statement form", () => {
  it("asks for a deadline before creating an action statement, then creates it", async () => {
    const create = vi.spyOn(registersApi, "createStatement").mockResolvedValue("s9");
    const saved = vi.fn();
    renderWithApp(<StatementForm id={null} initial={EMPTY_STATEMENT} onSaved={saved} onCancel={() => {}} />);

    await userEvent.type(screen.getByTestId("field-title"), "Liaison statement on UTM");
    await userEvent.click(screen.getByTestId("statement-save"));
    expect(await screen.findByTestId("error-deadline")).toHaveTextContent("deadline is required");
    expect(create).not.toHaveBeenCalled();

    await userEvent.type(screen.getByTestId("field-deadline"), "2026-03-08");
    await userEvent.click(screen.getByTestId("statement-save"));
    await waitFor(() => expect(saved).toHaveBeenCalledWith("s9"));
    expect(create.mock.calls[0][0]).toMatchObject({ title: "Liaison statement on UTM", purpose: "action", deadline: "2026-03-08" });
  });

  it("shows the core's refusal beside its field", async () => {
    vi.spyOn(registersApi, "createStatement").mockRejectedValue({ kind: "validation", message: "in_response_to: closes a loop", field: "in_response_to" });
    renderWithApp(<StatementForm id={null} initial={{ ...EMPTY_STATEMENT, title: "x", purpose: "information" }} onSaved={() => {}} onCancel={() => {}} />);
    await userEvent.click(screen.getByTestId("statement-save"));
    expect(await screen.findByTestId("error-in_response_to")).toHaveTextContent("closes a loop");
  });
});
