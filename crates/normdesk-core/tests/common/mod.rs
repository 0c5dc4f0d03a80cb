//! Shared test helpers: a project input from a few fields.

#![allow(dead_code)]

use normdesk_core::projects::ProjectInput;
use serde_json::{Value, json};

/// A valid international project; `overrides` replaces fields.
pub fn project(overrides: Value) -> ProjectInput {
    let mut base = json!({
        "reference": "ISO/CD 21384-5", "title_en": "Unmanned aircraft systems", "title_zh": "无人驾驶航空器系统",
        "tier": "international", "deliverable": "IS", "committee_id": null, "our_role": "lead",
        "leader_id": null, "stage": "30.20", "track_months": 36, "start_date": "2024-01-01",
        "target_date": "2026-01-01", "limit_date": "2027-01-01", "scope": "", "purpose": "",
        "relevant_documents": "", "known_patents": "", "liaisons_engaged": "", "sample": false
    });
    for (k, v) in overrides.as_object().expect("overrides are an object") {
        base[k] = v.clone();
    }
    serde_json::from_value(base).expect("test project is well-formed")
}
