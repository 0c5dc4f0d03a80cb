//! Records as field maps: the generic interface the CLI (and later CSV exchange) uses for every
//! kind — `field=value` parsing, list, show, new, set, rm. Field names are the contract names of
//! PRODUCT.md. Kind-specific behaviour (a project's stage history) is routed to its module.

use rusqlite::{Connection, params_from_iter};
use serde_json::{Map, Value};

use crate::error::{CoreError, Result};
use crate::schema::{EntitySpec, FieldKind};
use crate::writer::{Writer, from_sql, load};
use crate::{projects, search, validate};

/// Parses `field=value` arguments into checked field values.
pub fn parse_assignments(spec: &EntitySpec, args: &[String]) -> Result<Map<String, Value>> {
    let mut out = Map::new();
    for arg in args {
        let (name, text) = arg.split_once('=').ok_or_else(|| {
            CoreError::invalid(
                arg.clone(),
                format!("'{arg}' is not field=value (for example reference=\"ISO/CD 21384-5\")"),
            )
        })?;
        let name = name.trim();
        let field = spec.field(name).ok_or_else(|| {
            let names: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
            CoreError::invalid(
                name,
                format!(
                    "{} has no field '{name}'; its fields are: {}",
                    spec.name,
                    names.join(", ")
                ),
            )
        })?;
        if out.contains_key(name) {
            return Err(CoreError::invalid(name, "is given twice"));
        }
        out.insert(name.to_owned(), validate::parse_text(field, text)?);
    }
    Ok(out)
}

/// Creates a record of any kind from field values; returns its id.
pub fn create(
    w: &mut Writer<'_>,
    spec: &'static EntitySpec,
    values: Map<String, Value>,
) -> Result<String> {
    if spec.name == "project" {
        let mut full = Map::new();
        for field in spec.fields {
            full.insert(field.name.to_owned(), crate::schema::default_value(field));
        }
        full.extend(values);
        let input: projects::ProjectInput =
            serde_json::from_value(Value::Object(full)).map_err(|e| {
                CoreError::invalid("project", format!("the fields do not make a project: {e}"))
            })?;
        return projects::create(w, input);
    }
    if spec.name == "comment" {
        crate::comments::check(&comment_input(spec, Map::new(), values.clone())?)?;
    }
    w.create(spec, values)
}

/// A comment's fields after `values` are applied over `current` (or the defaults), for the
/// checks every comment passes (`comments::check`), however it is written.
fn comment_input(
    spec: &'static EntitySpec,
    current: Map<String, Value>,
    values: Map<String, Value>,
) -> Result<crate::comments::CommentInput> {
    let mut full = Map::new();
    for field in spec.fields {
        full.insert(field.name.to_owned(), crate::schema::default_value(field));
    }
    full.extend(current);
    full.extend(values);
    serde_json::from_value(Value::Object(full)).map_err(|e| {
        CoreError::invalid("comment", format!("the fields do not make a comment: {e}"))
    })
}

/// Changes fields of a record of any kind.
pub fn set(
    w: &mut Writer<'_>,
    spec: &'static EntitySpec,
    id: &str,
    values: Map<String, Value>,
) -> Result<()> {
    let id = projects::parse_id(id)?;
    if spec.name == "project" {
        return projects::set_fields(w, &id, values);
    }
    if spec.name == "comment" {
        let current =
            load(w.conn(), spec, &id)?.ok_or_else(|| CoreError::not_found(spec.name, &id))?;
        crate::comments::check(&comment_input(spec, current, values.clone())?)?;
    }
    w.update(spec, &id, values).map(drop)
}

/// Deletes a record of any kind (with the records it owns).
pub fn remove(w: &mut Writer<'_>, spec: &'static EntitySpec, id: &str) -> Result<()> {
    w.delete(spec, &projects::parse_id(id)?)
}

/// One live record with its id first.
pub fn show(conn: &Connection, spec: &EntitySpec, id: &str) -> Result<Map<String, Value>> {
    let id = projects::parse_id(id)?;
    let fields = load(conn, spec, &id)?.ok_or_else(|| CoreError::not_found(spec.name, &id))?;
    let mut out = Map::new();
    out.insert("id".into(), Value::String(id));
    out.extend(fields);
    Ok(out)
}

/// Live records of a kind in label order, optionally only those matching a search query.
pub fn list(
    conn: &Connection,
    spec: &EntitySpec,
    query: Option<&str>,
) -> Result<Vec<Map<String, Value>>> {
    let columns: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
    let mut args = Vec::new();
    let mut filter = String::from("deleted = 0");
    if let Some(q) = query.filter(|q| !q.trim().is_empty()) {
        match (search::rowids_matching(spec, "?1"), search::match_expr(q)) {
            (Some(rowids), Some(expr)) => {
                args.push(expr);
                filter.push_str(&format!(" AND rowid IN ({rowids})"));
            }
            (None, _) => {
                return Err(CoreError::invalid(
                    "query",
                    format!("{} records cannot be searched", spec.name),
                ));
            }
            (Some(_), None) => {}
        }
    }
    let order: Vec<&str> = spec.label.to_vec();
    let sql = format!(
        "SELECT id, {} FROM {} WHERE {filter} ORDER BY {}, id",
        columns.join(", "),
        spec.table(),
        order.join(", ")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        let mut map = Map::new();
        map.insert("id".into(), Value::String(r.get(0)?));
        for (i, field) in spec.fields.iter().enumerate() {
            map.insert(
                field.name.to_owned(),
                from_sql(field.kind, r.get_ref(i + 1)?),
            );
        }
        Ok(map)
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A field value as a person reads it in a table cell.
pub fn display(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether a field is long text (left out of table listings).
pub fn is_long(spec: &EntitySpec, name: &str) -> bool {
    matches!(
        spec.field(name).map(|f| f.kind),
        Some(FieldKind::Text { .. })
    )
}
