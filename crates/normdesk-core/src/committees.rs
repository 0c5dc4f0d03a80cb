//! The committees register: the tree (organisation → TC → SC → WG/JWG/…) and a committee's page —
//! the committee, its members by role (current and ended), its projects, its liaisons and its
//! sub-committees. Writes go through the generic writer (which refuses a committee placed under
//! its own sub-committee, and a delete while members, projects or liaisons refer to it).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::enums::{CommitteeKind, CommitteeMembership, LiaisonCategory, OurRole, Role};
use crate::error::Result;
use crate::liaisons;
use crate::projects::{RefLabel, parse_id};
use crate::schema::{COMMITTEE, ORGANISATION};
use crate::typed::{self, ref_label, to_fields};
use crate::writer::Writer;

/// Every editable field of a committee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommitteeInput {
    /// "ISO/TC 20/SC 16", "SAC/TC 486"
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub organisation_id: Option<String>,
    pub parent_id: Option<String>,
    pub kind: CommitteeKind,
    pub secretariat: String,
    /// Our member body's status: P, O, none, secretariat.
    pub membership: CommitteeMembership,
    pub scope: String,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Committee {
    pub id: String,
    #[serde(flatten)]
    pub fields: CommitteeInput,
}

/// One row of the committee tree, in display order (each committee right after its parent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommitteeNode {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub kind: CommitteeKind,
    pub membership: CommitteeMembership,
    pub organisation_id: Option<String>,
    /// The organisation's acronym ("ISO"), empty when none.
    pub organisation: String,
    pub parent_id: Option<String>,
    /// 0 for a top-level committee.
    pub depth: u32,
    pub children: u32,
}

/// A person's role in a committee, as the committee's page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MemberRow {
    pub membership_id: String,
    pub person_id: String,
    /// "李明 Li Ming"
    pub person: String,
    pub role: Role,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// Not ended on the page's "today".
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommitteeProject {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub stage: String,
    pub our_role: OurRole,
    pub leader: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommitteeLiaison {
    pub id: String,
    pub organisation: Option<RefLabel>,
    pub category: LiaisonCategory,
    pub last_review_date: Option<String>,
    pub review_due: bool,
}

/// A committee's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommitteePage {
    pub committee: Committee,
    pub organisation: Option<RefLabel>,
    /// From the top-level committee down to the parent.
    pub ancestors: Vec<RefLabel>,
    /// Current members first, then ended ones; each by role (chair first), then name.
    pub members: Vec<MemberRow>,
    pub projects: Vec<CommitteeProject>,
    pub liaisons: Vec<CommitteeLiaison>,
    pub subcommittees: Vec<CommitteeNode>,
}

pub fn create(w: &mut Writer<'_>, input: CommitteeInput) -> Result<String> {
    w.create(&COMMITTEE, to_fields(&input)?)
}

pub fn update(w: &mut Writer<'_>, id: &str, input: CommitteeInput) -> Result<()> {
    w.update(&COMMITTEE, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

/// Deletes a committee; refused with the list while anything refers to it.
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&COMMITTEE, &parse_id(id)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Committee> {
    let id = parse_id(id)?;
    Ok(Committee {
        fields: typed::get(conn, &COMMITTEE, &id)?,
        id,
    })
}

const NODE_SQL: &str =
    "SELECT c.id, c.reference, c.title_en, c.title_zh, c.kind, c.membership, c.organisation_id,
        coalesce(o.acronym, ''), c.parent_id,
        (SELECT count(*) FROM committee k WHERE k.parent_id = c.id AND k.deleted = 0)
    FROM committee c LEFT JOIN organisation o ON o.id = c.organisation_id AND o.deleted = 0";

fn node(r: &rusqlite::Row<'_>) -> rusqlite::Result<CommitteeNode> {
    Ok(CommitteeNode {
        id: r.get(0)?,
        reference: r.get(1)?,
        title_en: r.get(2)?,
        title_zh: r.get(3)?,
        kind: CommitteeKind::parse(&r.get::<_, String>(4)?).unwrap_or(CommitteeKind::Tc),
        membership: CommitteeMembership::parse(&r.get::<_, String>(5)?)
            .unwrap_or(CommitteeMembership::None),
        organisation_id: r.get(6)?,
        organisation: r.get(7)?,
        parent_id: r.get(8)?,
        depth: 0,
        children: r.get(9)?,
    })
}

/// Every committee as a tree in display order: grouped by organisation (acronym order, those
/// without one last), each committee followed by its sub-committees, siblings by reference. A
/// committee whose parent is missing shows at the top level.
pub fn tree(conn: &Connection) -> Result<Vec<CommitteeNode>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{NODE_SQL} WHERE c.deleted = 0 ORDER BY c.reference, c.id"
    ))?;
    let nodes: Vec<CommitteeNode> = stmt.query_map([], node)?.collect::<Result<_, _>>()?;
    let index: std::collections::HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut roots = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        match n.parent_id.as_deref().and_then(|p| index.get(p)) {
            Some(&parent) if parent != i => children[parent].push(i),
            _ => roots.push(i),
        }
    }
    roots.sort_by(|&a, &b| {
        let key = |n: &CommitteeNode| (n.organisation.is_empty(), n.organisation.clone());
        key(&nodes[a]).cmp(&key(&nodes[b]))
    });
    let mut out = Vec::with_capacity(nodes.len());
    let mut seen = vec![false; nodes.len()];
    let mut stack: Vec<(usize, u32)> = roots.iter().rev().map(|&r| (r, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        let mut n = nodes[i].clone();
        n.depth = depth;
        out.push(n);
        stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
    }
    // A cycle written by two workstations at once leaves rows no root reaches: show them too.
    for (i, n) in nodes.iter().enumerate() {
        if !seen[i] {
            out.push(n.clone());
        }
    }
    Ok(out)
}

/// A committee's page on `today` (YYYY-MM-DD; defaults to the local date).
pub fn page(conn: &Connection, id: &str, today: Option<&str>) -> Result<CommitteePage> {
    let today = typed::today_or_now(today)?;
    let committee = get(conn, id)?;
    let id = committee.id.as_str();
    let mut ancestors = Vec::new();
    let mut next = committee.fields.parent_id.clone();
    while let Some(parent) = next.take() {
        if ancestors.len() > 64 || ancestors.iter().any(|a: &RefLabel| a.id == parent) {
            break;
        }
        let Ok(p) = get(conn, &parent) else { break };
        ancestors.push(RefLabel {
            id: p.id.clone(),
            label: p.fields.reference.clone(),
        });
        next = p.fields.parent_id;
    }
    ancestors.reverse();

    let mut members: Vec<MemberRow> = conn
        .prepare_cached(
            "SELECT m.id, m.person_id, trim(coalesce(p.name_zh, '') || ' ' || coalesce(p.name_en, '')), m.role,
                    m.start_date, m.end_date
             FROM membership m LEFT JOIN person p ON p.id = m.person_id
             WHERE m.committee_id = ?1 AND m.deleted = 0",
        )?
        .query_map([id], |r| {
            let end: Option<String> = r.get(5)?;
            Ok(MemberRow {
                membership_id: r.get(0)?,
                person_id: r.get(1)?,
                person: r.get(2)?,
                role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Member),
                start_date: r.get(4)?,
                current: end.as_deref().is_none_or(|e| e >= today.as_str()),
                end_date: end,
            })
        })?
        .collect::<Result<_, _>>()?;
    members.sort_by(|a, b| (!a.current, a.role, &a.person).cmp(&(!b.current, b.role, &b.person)));

    let projects = conn
        .prepare_cached(
            "SELECT p.id, p.reference, p.title_en, p.title_zh, p.stage, p.our_role,
                    nullif(trim(coalesce(l.name_zh, '') || ' ' || coalesce(l.name_en, '')), '')
             FROM project p LEFT JOIN person l ON l.id = p.leader_id AND l.deleted = 0
             WHERE p.committee_id = ?1 AND p.deleted = 0 ORDER BY p.reference",
        )?
        .query_map([id], |r| {
            Ok(CommitteeProject {
                id: r.get(0)?,
                reference: r.get(1)?,
                title_en: r.get(2)?,
                title_zh: r.get(3)?,
                stage: r.get(4)?,
                our_role: OurRole::parse(&r.get::<_, String>(5)?).unwrap_or(OurRole::Participate),
                leader: r.get(6)?,
            })
        })?
        .collect::<Result<_, _>>()?;

    let liaisons = conn
        .prepare_cached(
            "SELECT id, organisation_id, category, established_date, last_review_date FROM liaison
             WHERE committee_id = ?1 AND deleted = 0 ORDER BY category, id",
        )?
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?
        .collect::<Result<
            Vec<(
                String,
                Option<String>,
                String,
                Option<String>,
                Option<String>,
            )>,
            _,
        >>()?
        .into_iter()
        .map(|(lid, org, category, established, last)| {
            Ok(CommitteeLiaison {
                id: lid,
                organisation: ref_label(conn, &ORGANISATION, org.as_deref())?,
                category: LiaisonCategory::parse(&category).unwrap_or(LiaisonCategory::A),
                review_due: liaisons::review_due(established.as_deref(), last.as_deref(), &today),
                last_review_date: last,
            })
        })
        .collect::<Result<_>>()?;

    let subcommittees = conn
        .prepare_cached(&format!(
            "{NODE_SQL} WHERE c.parent_id = ?1 AND c.deleted = 0 ORDER BY c.reference, c.id"
        ))?
        .query_map([id], node)?
        .map(|n| n.map(|n| CommitteeNode { depth: 1, ..n }))
        .collect::<Result<_, _>>()?;

    Ok(CommitteePage {
        organisation: ref_label(
            conn,
            &ORGANISATION,
            committee.fields.organisation_id.as_deref(),
        )?,
        committee,
        ancestors,
        members,
        projects,
        liaisons,
        subcommittees,
    })
}
