//! The record kinds and their fields as data: names (the CLI and bundle contract), kinds of
//! value, limits, references and which fields feed search. The generic writer, the CLI's
//! `field=value` parsing, `dump` and validation all read this table, so a field is declared once.

use serde_json::Value;

use crate::enums::*;
use crate::error::{CoreError, Result};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text, at most `max` characters. Stored as TEXT, empty when absent.
    Line { max: usize },
    /// Multi-line text, at most `max` characters.
    Text { max: usize },
    /// One of the listed wire names.
    Enum(&'static [&'static str]),
    /// `YYYY-MM-DD` or null.
    Date,
    /// The id of a live record of the named kind, or null.
    Ref(&'static str),
    /// A whole number in a range, or null.
    Int { min: i64, max: i64 },
    /// One of the allowed whole numbers, or null.
    OneOf(&'static [i64]),
    /// true or false.
    Bool,
    /// A harmonized stage code.
    Stage,
    /// An RFC 3339 timestamp.
    Timestamp,
    /// The id of a live record whose kind is named by the field `kind_field` (one of `kinds`):
    /// an attachment's owner.
    OwnerRef {
        kind_field: &'static str,
        kinds: &'static [&'static str],
    },
}

impl FieldKind {
    /// The kind a reference field points to in `record` (for [`FieldKind::OwnerRef`], read from
    /// its kind field), or `None` for fields that are not references.
    pub fn target<'a>(&self, record: &'a serde_json::Map<String, Value>) -> Option<&'a str> {
        match *self {
            FieldKind::Ref(kind) => Some(kind),
            FieldKind::OwnerRef { kind_field, .. } => {
                record.get(kind_field).and_then(Value::as_str)
            }
            _ => None,
        }
    }

    /// Whether this field can refer to a record of kind `kind`.
    pub fn can_refer_to(&self, kind: &str) -> bool {
        match *self {
            FieldKind::Ref(target) => target == kind,
            FieldKind::OwnerRef { kinds, .. } => kinds.contains(&kind),
            _ => false,
        }
    }
}

/// One field of a record kind.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: FieldKind,
    /// Must be present and non-empty.
    pub required: bool,
    /// Feeds the search index.
    pub search: bool,
}

/// One record kind: its name, table and fields (besides `id` and `deleted`).
#[derive(Debug)]
pub struct EntitySpec {
    pub name: &'static str,
    pub fields: &'static [FieldSpec],
    /// For dependent kinds (a project's stage events): the field naming the owner. Deleting the
    /// owner deletes these rows with it; other references block the delete.
    pub owned_by: Option<&'static str>,
    /// Fields that make a human label, in order ("reference", "title_en").
    pub label: &'static [&'static str],
}

impl EntitySpec {
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The SQL table (same as the kind's name).
    pub fn table(&self) -> &'static str {
        self.name
    }
}

const fn f(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
        search: false,
    }
}
const fn req(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: true,
        search: false,
    }
}
const fn s(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
        search: true,
    }
}

const LINE: FieldKind = FieldKind::Line { max: 500 };
const SHORT: FieldKind = FieldKind::Line { max: 100 };
const TEXT: FieldKind = FieldKind::Text { max: 20_000 };
const BODY: FieldKind = FieldKind::Text { max: 10_000_000 };

pub const ORGANISATION: EntitySpec = EntitySpec {
    name: "organisation",
    fields: &[
        FieldSpec {
            required: true,
            ..s("acronym", SHORT)
        },
        s("name_en", LINE),
        s("name_zh", LINE),
        req("kind", FieldKind::Enum(OrgKind::ALL)),
        f("country", SHORT),
        f("in_city", FieldKind::Bool),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["acronym"],
};

pub const COMMITTEE: EntitySpec = EntitySpec {
    name: "committee",
    fields: &[
        FieldSpec {
            required: true,
            ..s("reference", SHORT)
        },
        s("title_en", LINE),
        s("title_zh", LINE),
        f("organisation_id", FieldKind::Ref("organisation")),
        f("parent_id", FieldKind::Ref("committee")),
        req("kind", FieldKind::Enum(CommitteeKind::ALL)),
        f("secretariat", LINE),
        req("membership", FieldKind::Enum(CommitteeMembership::ALL)),
        f("scope", TEXT),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["reference", "title_en"],
};

pub const PERSON: EntitySpec = EntitySpec {
    name: "person",
    fields: &[
        s("name_zh", SHORT),
        s("name_en", SHORT),
        s("email", LINE),
        f("phone", SHORT),
        f("organisation_id", FieldKind::Ref("organisation")),
        s("expertise", LINE),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["name_zh", "name_en"],
};

pub const TRAINING: EntitySpec = EntitySpec {
    name: "training",
    fields: &[
        req("person_id", FieldKind::Ref("person")),
        req("course", LINE),
        f("date", FieldKind::Date),
    ],
    owned_by: Some("person_id"),
    label: &["course"],
};

pub const MEMBERSHIP: EntitySpec = EntitySpec {
    name: "membership",
    fields: &[
        req("person_id", FieldKind::Ref("person")),
        req("committee_id", FieldKind::Ref("committee")),
        req("role", FieldKind::Enum(Role::ALL)),
        f("start_date", FieldKind::Date),
        f("end_date", FieldKind::Date),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["role"],
};

pub const PROJECT: EntitySpec = EntitySpec {
    name: "project",
    fields: &[
        FieldSpec {
            required: true,
            ..s("reference", SHORT)
        },
        s("title_en", LINE),
        s("title_zh", LINE),
        req("tier", FieldKind::Enum(Tier::ALL)),
        req("deliverable", FieldKind::Enum(Deliverable::ALL)),
        f("committee_id", FieldKind::Ref("committee")),
        req("our_role", FieldKind::Enum(OurRole::ALL)),
        f("leader_id", FieldKind::Ref("person")),
        req("stage", FieldKind::Stage),
        f("track_months", FieldKind::OneOf(&[18, 24, 36, 48])),
        f("start_date", FieldKind::Date),
        f("target_date", FieldKind::Date),
        f("limit_date", FieldKind::Date),
        f("scope", TEXT),
        f("purpose", TEXT),
        f("relevant_documents", TEXT),
        f("known_patents", TEXT),
        f("liaisons_engaged", TEXT),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["reference"],
};

pub const STAGE_EVENT: EntitySpec = EntitySpec {
    name: "stage_event",
    fields: &[
        req("project_id", FieldKind::Ref("project")),
        req("code", FieldKind::Stage),
        req("date", FieldKind::Date),
        f("note", LINE),
    ],
    owned_by: Some("project_id"),
    label: &["code", "date"],
};

/// A project's draft text in one language. The text itself is **not a field**: it travels as
/// the draft's Automerge document (`normdesk-text`, bundle entries `drafts/<id>.am`), never as
/// change-log rows, and the `body` column is a plain copy derived from it on each workstation
/// (docs/data-model.md, "Draft text").
pub const DRAFT: EntitySpec = EntitySpec {
    name: "draft",
    fields: &[
        req("project_id", FieldKind::Ref("project")),
        req("lang", FieldKind::Enum(&["en", "zh"])),
    ],
    owned_by: Some("project_id"),
    label: &["lang"],
};

pub const REVISION: EntitySpec = EntitySpec {
    name: "revision",
    fields: &[
        req("draft_id", FieldKind::Ref("draft")),
        req("name", SHORT),
        f("date", FieldKind::Date),
        f("body", BODY),
    ],
    owned_by: Some("draft_id"),
    label: &["name"],
};

pub const COMMENT: EntitySpec = EntitySpec {
    name: "comment",
    fields: &[
        req("project_id", FieldKind::Ref("project")),
        f("revision_id", FieldKind::Ref("revision")),
        f("mb", SHORT),
        f("line", SHORT),
        f("clause", SHORT),
        f("paragraph", SHORT),
        req("type", FieldKind::Enum(CommentType::ALL)),
        s("comment", TEXT),
        f("proposed_change", TEXT),
        f("observation", TEXT),
        f("disposition", FieldKind::Enum(Disposition::ALL)),
    ],
    owned_by: Some("project_id"),
    label: &["mb", "clause"],
};

pub const LIAISON: EntitySpec = EntitySpec {
    name: "liaison",
    fields: &[
        f("organisation_id", FieldKind::Ref("organisation")),
        f("committee_id", FieldKind::Ref("committee")),
        req("category", FieldKind::Enum(LiaisonCategory::ALL)),
        f("representative_id", FieldKind::Ref("person")),
        f("established_date", FieldKind::Date),
        f("last_review_date", FieldKind::Date),
        s("note", TEXT),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["category"],
};

pub const STATEMENT: EntitySpec = EntitySpec {
    name: "statement",
    fields: &[
        req("direction", FieldKind::Enum(Direction::ALL)),
        FieldSpec {
            required: true,
            ..s("title", LINE)
        },
        s("from_party", LINE),
        s("to_party", LINE),
        f("committee_id", FieldKind::Ref("committee")),
        f("liaison_id", FieldKind::Ref("liaison")),
        req("purpose", FieldKind::Enum(Purpose::ALL)),
        f("deadline", FieldKind::Date),
        req("state", FieldKind::Enum(StatementState::ALL)),
        f("in_response_to", FieldKind::Ref("statement")),
        f("body", TEXT),
        f("sample", FieldKind::Bool),
    ],
    owned_by: None,
    label: &["title"],
};

pub const STATEMENT_EVENT: EntitySpec = EntitySpec {
    name: "statement_event",
    fields: &[
        req("statement_id", FieldKind::Ref("statement")),
        req("at", FieldKind::Timestamp),
        f("actor", SHORT),
        f("what", LINE),
    ],
    owned_by: Some("statement_id"),
    label: &["at", "what"],
};

/// The largest attachment the store keeps (50 MiB).
pub const MAX_ATTACHMENT_BYTES: i64 = 50 * 1024 * 1024;

/// A file kept in the store. The bytes live in the row's `data` column, which is not a field:
/// the change log carries `sha256` (and `size`) for them, and bundles carry the bytes once per
/// digest (docs/data-model.md, "Attachments"). Only [`crate::attachments`] creates these.
pub const ATTACHMENT: EntitySpec = EntitySpec {
    name: "attachment",
    fields: &[
        req(
            "owner_kind",
            FieldKind::Enum(&["statement", "project", "comment"]),
        ),
        req(
            "owner_id",
            FieldKind::OwnerRef {
                kind_field: "owner_kind",
                kinds: &["statement", "project", "comment"],
            },
        ),
        req("name", LINE),
        req("media_type", SHORT),
        req("sha256", FieldKind::Line { max: 64 }),
        f(
            "size",
            FieldKind::Int {
                min: 0,
                max: MAX_ATTACHMENT_BYTES,
            },
        ),
    ],
    owned_by: Some("owner_id"),
    label: &["name"],
};

pub const TARGET: EntitySpec = EntitySpec {
    name: "target",
    fields: &[
        s("name_en", LINE),
        s("name_zh", LINE),
        req("measure", FieldKind::Enum(Measure::ALL)),
        f(
            "goal",
            FieldKind::Int {
                min: 0,
                max: 1_000_000_000,
            },
        ),
        f("deadline", FieldKind::Date),
    ],
    owned_by: None,
    label: &["name_en"],
};

/// Every replicated record kind, in dependency order (a kind only refers to kinds before it,
/// except self-references). `dump` and `stats` use this order.
pub const ENTITIES: &[&EntitySpec] = &[
    &ORGANISATION,
    &COMMITTEE,
    &PERSON,
    &TRAINING,
    &MEMBERSHIP,
    &PROJECT,
    &STAGE_EVENT,
    &DRAFT,
    &REVISION,
    &COMMENT,
    &LIAISON,
    &STATEMENT,
    &STATEMENT_EVENT,
    &ATTACHMENT,
    &TARGET,
];

/// Looks a kind up by name; the error lists the kinds there are.
pub fn entity(name: &str) -> Result<&'static EntitySpec> {
    ENTITIES
        .iter()
        .copied()
        .find(|e| e.name == name)
        .ok_or_else(|| {
            let names: Vec<&str> = ENTITIES.iter().map(|e| e.name).collect();
            CoreError::invalid(
                "kind",
                format!(
                    "unknown record kind '{name}'; use one of: {}",
                    names.join(", ")
                ),
            )
        })
}

/// The value a field has when nothing was given.
pub fn default_value(field: &FieldSpec) -> Value {
    match field.kind {
        FieldKind::Line { .. } | FieldKind::Text { .. } => Value::String(String::new()),
        FieldKind::Enum(values) => Value::String(values[0].to_owned()),
        FieldKind::Bool => Value::Bool(false),
        FieldKind::Stage => Value::String("00.00".to_owned()),
        FieldKind::Date
        | FieldKind::Ref(_)
        | FieldKind::OwnerRef { .. }
        | FieldKind::Int { .. }
        | FieldKind::OneOf(_)
        | FieldKind::Timestamp => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_refer_only_to_known_kinds_and_owners_are_refs() {
        for spec in ENTITIES {
            for field in spec.fields {
                if let FieldKind::Ref(target) = field.kind {
                    assert!(
                        entity(target).is_ok(),
                        "{}.{} refers to {target}",
                        spec.name,
                        field.name
                    );
                }
            }
            if let Some(owner) = spec.owned_by {
                let kind = spec.field(owner).map(|f| f.kind);
                assert!(
                    matches!(kind, Some(FieldKind::Ref(_) | FieldKind::OwnerRef { .. })),
                    "{}",
                    spec.name
                );
            }
        }
    }

    #[test]
    fn unknown_kind_lists_the_known_ones() {
        let err = entity("projects").unwrap_err().to_string();
        assert!(
            err.contains("unknown record kind 'projects'") && err.contains("project, stage_event"),
            "{err}"
        );
    }
}
