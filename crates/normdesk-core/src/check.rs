//! `normdesk check`: SQLite's own integrity check, the schema version, and the references
//! between records that SQL does not enforce (see migrations/0001_init.sql).

use rusqlite::Connection;
use serde::Serialize;

use crate::error::Result;
use crate::schema::{ENTITIES, FieldKind};
use crate::store::SCHEMA_VERSION;

/// What `check` found.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub supported_version: u32,
    /// Empty when all is well.
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

pub fn check(conn: &Connection) -> Result<CheckReport> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = line?;
        if line != "ok" {
            problems.push(format!("integrity: {line}"));
        }
    }
    for spec in ENTITIES {
        for field in spec.fields {
            let FieldKind::Ref(target) = field.kind else {
                continue;
            };
            let sql = format!(
                "SELECT a.id, a.{f} FROM {t} a WHERE a.deleted = 0 AND a.{f} IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM {target} b WHERE b.id = a.{f} AND b.deleted = 0)",
                f = field.name,
                t = spec.table()
            );
            let mut stmt = conn.prepare(&sql)?;
            for row in
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            {
                let (id, missing) = row?;
                problems.push(format!(
                    "{} {id}: {} refers to a missing {target} {missing}",
                    spec.name, field.name
                ));
            }
        }
    }
    let schema_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(CheckReport {
        schema_version,
        supported_version: SCHEMA_VERSION,
        problems,
    })
}
