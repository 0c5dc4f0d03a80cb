//! The demo data set: real committees, organisations and liaison links (facts from DOMAIN.md §7),
//! the city programme's default targets, and a dozen sample projects with a few sample people,
//! their roles and training, and a short thread of sample liaison statements, all marked
//! `sample`. Ids are derived from stable keys, so loading it twice — or on two workstations —
//! makes the same records once.

use serde_json::{Map, Value, json};

use crate::error::Result;
use crate::projects;
use crate::schema::{self, EntitySpec};
use crate::store::Store;
use crate::writer::{Source, Writer};

mod facts;
mod samples;

use facts::{COMMITTEES, LIAISONS, ORGANISATIONS, TARGETS};
use samples::{MEMBERSHIPS, PEOPLE, STATEMENTS, TRAINING, sample_projects};

/// The id of a demo record, stable across loads and workstations.
pub fn demo_id(kind: &str, key: &str) -> String {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6e6f726d_6465_736b_8000_64656d6f0001);
    uuid::Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()).to_string()
}

/// Loads the demo set; records already present are left as they are. Returns how many were added.
pub fn load(store: &mut Store) -> Result<usize> {
    store.write(Source::Demo, |w| {
        let mut added = 0;
        for (acronym, name_en, name_zh, kind, country) in ORGANISATIONS {
            let values = json!({"acronym": acronym, "name_en": name_en, "name_zh": name_zh, "kind": kind, "country": country});
            added += put(w, &schema::ORGANISATION, acronym, values)?;
        }
        for (reference, title_en, title_zh, org, parent, kind, secretariat, membership) in COMMITTEES {
            let mut values = json!({"reference": reference, "title_en": title_en, "title_zh": title_zh,
                "organisation_id": demo_id("organisation", org), "kind": kind, "secretariat": secretariat,
                "membership": membership});
            if !parent.is_empty() {
                values["parent_id"] = Value::String(demo_id("committee", parent));
            }
            added += put(w, &schema::COMMITTEE, reference, values)?;
        }
        for (key, committee, org, category, established, note) in LIAISONS {
            let values = json!({"committee_id": demo_id("committee", committee),
                "organisation_id": demo_id("organisation", org), "category": category,
                "established_date": if established.is_empty() { Value::Null } else { json!(established) },
                "note": note, "sample": false});
            added += put(w, &schema::LIAISON, key, values)?;
        }
        for (key, name_en, name_zh, measure, goal) in TARGETS {
            let values = json!({"name_en": name_en, "name_zh": name_zh, "measure": measure, "goal": goal});
            added += put(w, &schema::TARGET, key, values)?;
        }
        for (key, name_zh, name_en, email, expertise) in PEOPLE {
            let values = json!({"name_zh": name_zh, "name_en": name_en, "email": email, "expertise": expertise, "sample": true});
            added += put(w, &schema::PERSON, key, values)?;
        }
        for (key, person, committee, role, start, end) in MEMBERSHIPS {
            let values = json!({"person_id": demo_id("person", person), "committee_id": demo_id("committee", committee),
                "role": role, "start_date": start, "end_date": if end.is_empty() { Value::Null } else { json!(end) },
                "sample": true});
            added += put(w, &schema::MEMBERSHIP, key, values)?;
        }
        for (key, person, course, date) in TRAINING {
            let values = json!({"person_id": demo_id("person", person), "course": course, "date": date});
            added += put(w, &schema::TRAINING, key, values)?;
        }
        for st in STATEMENTS {
            let opt = |kind: &str, key: &str| if key.is_empty() { Value::Null } else { json!(demo_id(kind, key)) };
            let values = json!({"direction": st.direction, "title": st.title, "from_party": st.from, "to_party": st.to,
                "committee_id": opt("committee", st.committee), "liaison_id": opt("liaison", st.liaison),
                "purpose": st.purpose, "deadline": if st.deadline.is_empty() { Value::Null } else { json!(st.deadline) },
                "state": st.state, "in_response_to": opt("statement", st.in_response_to), "body": st.body, "sample": true});
            added += put(w, &schema::STATEMENT, st.key, values)?;
            // The event log a statement made at a workstation would have, with stable ids and times.
            let what = format!("created: {}, for {}, {}", st.direction, st.purpose, st.state);
            let event = json!({"statement_id": demo_id("statement", st.key), "at": st.created,
                "actor": "Demo data", "what": what});
            added += put(w, &schema::STATEMENT_EVENT, st.key, event)?;
        }
        for project in sample_projects() {
            let id = demo_id("project", &project.reference);
            if !exists(w, &schema::PROJECT, &id)? {
                projects::create_with_id(w, &id, project)?;
                added += 1;
            }
        }
        Ok(added)
    })
}

/// Loads the demo set into a brand-new database, once: a store whose owner emptied it is not
/// refilled. Returns whether it loaded.
pub fn seed_if_new(store: &mut Store) -> Result<bool> {
    if store.setting("demo_seeded")?.is_some() {
        return Ok(false);
    }
    let empty = crate::dump::stats(store.conn())?
        .values()
        .all(|n| n.as_i64() == Some(0));
    if empty {
        load(store)?;
    }
    store.set_setting("demo_seeded", if empty { "yes" } else { "skipped" })?;
    Ok(empty)
}

fn put(w: &mut Writer<'_>, spec: &'static EntitySpec, key: &str, values: Value) -> Result<usize> {
    let id = demo_id(spec.name, key);
    if exists(w, spec, &id)? {
        return Ok(0);
    }
    let Value::Object(map) = values else {
        return Ok(0);
    };
    let map: Map<String, Value> = map.into_iter().filter(|(_, v)| !v.is_null()).collect();
    w.create_with_id(spec, &id, map)?;
    Ok(1)
}

fn exists(w: &Writer<'_>, spec: &EntitySpec, id: &str) -> Result<bool> {
    Ok(w.conn().query_row(
        &format!(
            "SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)",
            spec.table()
        ),
        [id],
        |r| r.get(0),
    )?)
}
