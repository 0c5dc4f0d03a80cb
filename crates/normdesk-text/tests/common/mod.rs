//! Shared by the integration tests: a project of the given tier with one draft text.

use normdesk_core::{Source, Store, schema};
use normdesk_text::drafts;
use serde_json::json;

/// Creates a project (`reference` in `tier`, deliverable `deliverable`) and its draft in `lang`;
/// returns the draft's id.
pub fn project_draft(
    store: &mut Store,
    tier: &str,
    reference: &str,
    deliverable: &str,
    lang: &str,
) -> String {
    let fields = json!({"reference": reference, "title_en": "T", "tier": tier, "deliverable": deliverable, "our_role": "lead", "stage": "30.20"});
    let serde_json::Value::Object(fields) = fields else {
        unreachable!()
    };
    let project = store
        .write(Source::Ui, |w| w.create(&schema::PROJECT, fields))
        .unwrap();
    drafts::create(store, &project, lang).unwrap()
}
