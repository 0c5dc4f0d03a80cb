//! Canonical output of the store: `dump` (all live data as sorted JSON, without workstation-local
//! metadata, so two stores with the same data print the same bytes) and `stats`.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::schema::ENTITIES;
use crate::writer::from_sql;

/// All live records, kind by kind, each kind sorted by id, each record's keys sorted.
pub fn dump(conn: &Connection) -> Result<String> {
    let mut all: BTreeMap<&str, Vec<BTreeMap<String, Value>>> = BTreeMap::new();
    for spec in ENTITIES {
        let mut columns: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
        // A draft's text is not a field but it is data: its plain copy, the same wherever the
        // documents have merged (docs/data-model.md, "Draft text").
        let derived_body = spec.name == crate::schema::DRAFT.name;
        if derived_body {
            columns.push("body");
        }
        let sql = format!(
            "SELECT id, {} FROM {} WHERE deleted = 0 ORDER BY id",
            columns.join(", "),
            spec.table()
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            let mut map = BTreeMap::new();
            map.insert("id".to_owned(), Value::String(r.get(0)?));
            for (i, field) in spec.fields.iter().enumerate() {
                map.insert(
                    field.name.to_owned(),
                    from_sql(field.kind, r.get_ref(i + 1)?),
                );
            }
            if derived_body {
                map.insert(
                    "body".to_owned(),
                    Value::String(r.get(spec.fields.len() + 1)?),
                );
            }
            Ok(map)
        })?;
        all.insert(spec.name, rows.collect::<Result<_, _>>()?);
    }
    let mut text =
        serde_json::to_string_pretty(&all).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The number of live records of each kind.
pub fn stats(conn: &Connection) -> Result<Map<String, Value>> {
    let mut out = Map::new();
    for spec in ENTITIES {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {} WHERE deleted = 0", spec.table()),
            [],
            |r| r.get(0),
        )?;
        out.insert(spec.name.to_owned(), Value::from(n));
    }
    Ok(out)
}
