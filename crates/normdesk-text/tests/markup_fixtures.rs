//! The markup fixtures the editor's TypeScript shares (`tests/fixtures/markup.json`, read by
//! `ui/src/lib/draftMarkup.test.ts` too): the kind of each line as the packet's block rules read
//! it, and word/character counts as `markup::counts` gives them. One rule, two languages,
//! the same table.

use normdesk_core::packets::data::Block;
use normdesk_core::packets::text::parse;
use normdesk_text::markup::counts;
use serde_json::Value;

fn fixtures() -> Value {
    serde_json::from_str(include_str!("fixtures/markup.json")).unwrap()
}

fn kind(block: &Block) -> &'static str {
    match block {
        Block::Heading { .. } => "heading",
        Block::Paragraph { .. } | Block::Item { .. } => "paragraph",
        Block::Note { .. } => "note",
        Block::Table { .. } => "table",
        Block::Caption { .. } => "caption",
        Block::Figure { .. } => "figure",
    }
}

#[test]
fn each_line_is_of_the_kind_the_editor_highlights() {
    for case in fixtures()["lines"].as_array().unwrap() {
        let line = case["line"].as_str().unwrap();
        let blocks = parse(line);
        assert_eq!(blocks.len(), 1, "{line:?}");
        assert_eq!(kind(&blocks[0]), case["kind"].as_str().unwrap(), "{line:?}");
    }
}

#[test]
fn counts_are_those_the_editor_shows() {
    for case in fixtures()["counts"].as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let c = counts(text);
        let got = [c.words, c.characters, c.characters_no_spaces];
        let want = ["words", "characters", "characters_no_spaces"]
            .map(|k| case[k].as_u64().unwrap() as u32);
        assert_eq!(got, want, "{text:?}");
    }
}
