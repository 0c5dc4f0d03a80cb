-- Schema v1: every record kind of PRODUCT.md, the sync bookkeeping and the search index.
-- Shipped migrations are never edited; add 0002_*.sql instead.
--
-- Replicated tables (one per record kind) carry `id TEXT PRIMARY KEY` (a UUID) and a `deleted`
-- tombstone flag. They have no SQL FOREIGN KEY or UNIQUE constraints across rows: two
-- workstations may create related rows independently, so references are checked by the
-- repository layer (src/writer.rs) and by `normdesk check`.

CREATE TABLE organisation (
    id TEXT PRIMARY KEY NOT NULL,
    acronym TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    name_zh TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'international_sdo',
    country TEXT NOT NULL DEFAULT '',
    in_city INTEGER NOT NULL DEFAULT 0,
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE committee (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    title_zh TEXT NOT NULL DEFAULT '',
    organisation_id TEXT,
    parent_id TEXT,
    kind TEXT NOT NULL DEFAULT 'TC',
    secretariat TEXT NOT NULL DEFAULT '',
    membership TEXT NOT NULL DEFAULT 'none',
    scope TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX committee_parent ON committee(parent_id);
CREATE INDEX committee_reference ON committee(reference);

CREATE TABLE person (
    id TEXT PRIMARY KEY NOT NULL,
    name_zh TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    organisation_id TEXT,
    expertise TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_email ON person(email);

CREATE TABLE training (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL,
    course TEXT NOT NULL DEFAULT '',
    date TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX training_person ON training(person_id);

CREATE TABLE membership (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL,
    committee_id TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member',
    start_date TEXT,
    end_date TEXT,
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX membership_person ON membership(person_id);
CREATE INDEX membership_committee ON membership(committee_id);

CREATE TABLE project (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    title_zh TEXT NOT NULL DEFAULT '',
    tier TEXT NOT NULL DEFAULT 'international',
    deliverable TEXT NOT NULL DEFAULT 'IS',
    committee_id TEXT,
    our_role TEXT NOT NULL DEFAULT 'participate',
    leader_id TEXT,
    stage TEXT NOT NULL DEFAULT '00.00',
    track_months INTEGER,
    start_date TEXT,
    target_date TEXT,
    limit_date TEXT,
    scope TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    relevant_documents TEXT NOT NULL DEFAULT '',
    known_patents TEXT NOT NULL DEFAULT '',
    liaisons_engaged TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);
-- The list's sort orders and filters; partial on live rows, so queries say `deleted = 0`.
CREATE INDEX project_by_reference ON project(reference, id) WHERE deleted = 0;
CREATE INDEX project_by_title ON project(title_en, reference, id) WHERE deleted = 0;
CREATE INDEX project_by_stage ON project(stage, reference, id) WHERE deleted = 0;
CREATE INDEX project_by_target ON project(target_date IS NULL, target_date, reference, id) WHERE deleted = 0;
CREATE INDEX project_by_limit ON project(limit_date IS NULL, limit_date, reference, id) WHERE deleted = 0;
-- Covers every list filter, so counting and filtering never read the table rows.
CREATE INDEX project_filter ON project(tier, stage, our_role, deliverable, committee_id, limit_date, target_date, reference, id)
    WHERE deleted = 0;
CREATE INDEX project_by_committee ON project(committee_id, reference) WHERE deleted = 0;
CREATE INDEX project_by_leader ON project(leader_id) WHERE deleted = 0;

CREATE TABLE stage_event (
    id TEXT PRIMARY KEY NOT NULL,
    project_id TEXT NOT NULL,
    code TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stage_event_project ON stage_event(project_id, date);

CREATE TABLE draft (
    id TEXT PRIMARY KEY NOT NULL,
    project_id TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'en',
    body TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX draft_project ON draft(project_id, lang);

CREATE TABLE revision (
    id TEXT PRIMARY KEY NOT NULL,
    draft_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    date TEXT,
    body TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX revision_draft ON revision(draft_id);

CREATE TABLE comment (
    id TEXT PRIMARY KEY NOT NULL,
    project_id TEXT NOT NULL,
    revision_id TEXT,
    mb TEXT NOT NULL DEFAULT '',
    line TEXT NOT NULL DEFAULT '',
    clause TEXT NOT NULL DEFAULT '',
    paragraph TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL DEFAULT 'ge',
    comment TEXT NOT NULL DEFAULT '',
    proposed_change TEXT NOT NULL DEFAULT '',
    observation TEXT NOT NULL DEFAULT '',
    disposition TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comment_project ON comment(project_id);

CREATE TABLE liaison (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT,
    committee_id TEXT,
    category TEXT NOT NULL DEFAULT 'A',
    representative_id TEXT,
    established_date TEXT,
    last_review_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX liaison_committee ON liaison(committee_id);

CREATE TABLE statement (
    id TEXT PRIMARY KEY NOT NULL,
    direction TEXT NOT NULL DEFAULT 'incoming',
    title TEXT NOT NULL DEFAULT '',
    from_party TEXT NOT NULL DEFAULT '',
    to_party TEXT NOT NULL DEFAULT '',
    committee_id TEXT,
    liaison_id TEXT,
    purpose TEXT NOT NULL DEFAULT 'information',
    deadline TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    in_response_to TEXT,
    body TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statement_deadline ON statement(deadline) WHERE deleted = 0;

CREATE TABLE statement_event (
    id TEXT PRIMARY KEY NOT NULL,
    statement_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    what TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statement_event_statement ON statement_event(statement_id);

CREATE TABLE attachment (
    id TEXT PRIMARY KEY NOT NULL,
    owner_kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
    sha256 TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    data BLOB,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachment_owner ON attachment(owner_kind, owner_id);

CREATE TABLE target (
    id TEXT PRIMARY KEY NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    name_zh TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',
    goal INTEGER NOT NULL DEFAULT 0,
    deadline TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);

-- Sync bookkeeping (SYNC.md "Tables"). Workstation-local except change_log, which bundles carry.
CREATE TABLE replica_self (
    replica_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    install_token TEXT NOT NULL DEFAULT '',
    next_seq INTEGER NOT NULL DEFAULT 1,
    last_hlc INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE replica_known (
    replica_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    max_seq INTEGER NOT NULL DEFAULT 0
);

-- The stamp of each field's visible value.
CREATE TABLE field_state (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    replica_id TEXT NOT NULL,
    PRIMARY KEY (entity, row_id, field)
) WITHOUT ROWID;

-- Append-only: every replicated field change, the thing bundles carry. A delete made here lists in
-- `resolves` the stamps of the record's fields it saw (src/writer/log.rs), so that edits it had not
-- seen are found as delete conflicts on every workstation (src/sync/merge.rs). No trigger: one
-- would make every INSERT here keep a statement journal.
CREATE TABLE change_log (
    replica_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    prev_hlc INTEGER,
    prev_replica TEXT,
    source TEXT NOT NULL,
    resolves TEXT,
    PRIMARY KEY (replica_id, seq)
) WITHOUT ROWID;
CREATE INDEX change_log_stamp ON change_log(hlc, replica_id);

CREATE TABLE pending_change (
    replica_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    prev_hlc INTEGER,
    prev_replica TEXT,
    source TEXT NOT NULL,
    resolves TEXT,
    PRIMARY KEY (replica_id, seq)
) WITHOUT ROWID;

-- A value that did not win: a concurrent edit of the same field (kind 'field': the losing head,
-- kept until a later change descends from it), or edits a delete had not seen (kind 'delete':
-- the newest such edit's stamp). The id is derived from what the conflict is about, so every
-- workstation that holds the same changes holds the same conflicts (src/sync/apply.rs).
CREATE TABLE conflict (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    replica_id TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    closed_hlc INTEGER,
    closed_replica TEXT
);
CREATE INDEX conflict_open ON conflict(entity, row_id, field) WHERE closed_hlc IS NULL;

CREATE TABLE import_log (
    bundle_id TEXT PRIMARY KEY NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
);

CREATE TABLE export_log (
    bundle_id TEXT PRIMARY KEY NOT NULL,
    peer TEXT,
    file_name TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
);

-- What each colleague has shown us it holds: the `until` vector of its last bundle.
CREATE TABLE peer_vector (
    peer_id TEXT NOT NULL,
    replica_id TEXT NOT NULL,
    max_seq INTEGER NOT NULL,
    PRIMARY KEY (peer_id, replica_id)
) WITHOUT ROWID;

-- Draft texts (normdesk-text; docs/data-model.md, "Draft text"). Workstation-local: the text
-- travels as the document's bytes in bundles (`drafts/<id>.am`), never as change_log rows, and
-- `draft.body` is a plain copy of it for search, packets and printing.
-- `am` is the compacted Automerge save; `heads` the document's heads (hex, sorted, comma-
-- separated) after the chunks; `chars` the text's length in characters (repairs `draft.body`
-- when a document arrived before its draft record).
CREATE TABLE draft_doc (
    draft_id TEXT PRIMARY KEY NOT NULL,
    am BLOB NOT NULL,
    heads TEXT NOT NULL DEFAULT '',
    chars INTEGER NOT NULL DEFAULT 0
);

-- One editing pause's change, appended until the document is compacted into `draft_doc.am`.
CREATE TABLE draft_chunk (
    draft_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    am BLOB NOT NULL,
    PRIMARY KEY (draft_id, seq)
) WITHOUT ROWID;

-- The heads of a draft a colleague showed us (in its last bundle): a bundle for it carries the
-- draft only when ours differ.
CREATE TABLE draft_peer (
    peer_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    heads TEXT NOT NULL,
    PRIMARY KEY (peer_id, draft_id)
) WITHOUT ROWID;

-- "Merged — please review": a passage both sides changed, found when a workstation merged a
-- colleague's document into its own. Travels in bundles (`reviews.jsonl`), with its confirmation
-- once someone confirms it anywhere; the id is derived from the draft and the passage, so two
-- workstations that find the same passage hold one item.
CREATE TABLE draft_review (
    id TEXT PRIMARY KEY NOT NULL,
    draft_id TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    clause TEXT NOT NULL DEFAULT '',
    merged_pos INTEGER NOT NULL DEFAULT 0,
    base TEXT NOT NULL,
    ours TEXT NOT NULL,
    ours_author TEXT NOT NULL DEFAULT '',
    theirs TEXT NOT NULL,
    theirs_author TEXT NOT NULL DEFAULT '',
    merged TEXT NOT NULL,
    confirmed_at TEXT,
    confirmed_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX draft_review_open ON draft_review(draft_id) WHERE confirmed_at IS NULL;

-- Workstation-local preferences (language, window state); never synced.
CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- Search: one FTS5 index per searchable kind, keyed by the record's rowid. `body` holds Latin
-- words as they are and runs of CJK characters as overlapping bigrams (see src/search.rs), so a
-- two-character Chinese query is one token lookup. Contentless: the text lives in the records.
CREATE VIRTUAL TABLE organisation_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE committee_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE person_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE project_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE comment_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE liaison_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE statement_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE target_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
