-- Schema v2: indexes for the dashboard (src/dashboard.rs), so each section reads only the rows it
-- counts or shows instead of scanning a register. Each is partial on exactly the terms of its
-- section's WHERE clause, ordered as the section sorts, and holds every column the condition
-- reads, so a section's count reads the index alone (SQLite covers a partial index's `col = 0`
-- term without the column, but not its `IN`, `<` or `GLOB` terms).

-- Statements still open (pending or approved) with a deadline, by deadline.
CREATE INDEX statement_open_deadline ON statement(deadline, id, state, deleted)
    WHERE deleted = 0 AND state IN ('pending', 'approved') AND deadline IS NOT NULL;

-- Live projects neither published nor cancelled, by limit date ("past their limit date").
CREATE INDEX project_unpublished_by_limit ON project(limit_date, reference, id, stage, deleted)
    WHERE deleted = 0 AND stage < '60.60' AND stage NOT GLOB '*.98';

-- Live roles with an end date, by end date ("ending within 60 days").
CREATE INDEX membership_by_end ON membership(end_date, id)
    WHERE deleted = 0 AND end_date IS NOT NULL;
