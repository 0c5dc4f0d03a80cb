//! An edit batch is durable once `drafts::apply` returns: a second program opening the same file
//! (while the first is never closed — as after `kill -9`) sees the text, and the cursor.

mod common;

use normdesk_core::Store;
use normdesk_text::diff::Splice;
use normdesk_text::drafts::{self, Drafts, Selection};

#[test]
fn an_applied_batch_is_on_disk_when_apply_returns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let mut first = Store::open(&db).unwrap();
    let d = common::project_draft(&mut first, "international", "ISO/CD 1", "IS", "zh");
    let mut cache = Drafts::new();
    let batches: [&[Splice]; 3] = [
        &[Splice {
            pos: 0,
            delete: 0,
            insert: "1 范围\n".into(),
        }],
        &[
            Splice {
                pos: 5,
                delete: 0,
                insert: "本文件".into(),
            },
            Splice {
                pos: 8,
                delete: 0,
                insert: "规定。".into(),
            },
        ],
        &[Splice {
            pos: 5,
            delete: 3,
            insert: "这份文件".into(),
        }],
    ];
    let want = ["1 范围\n", "1 范围\n本文件规定。", "1 范围\n这份文件规定。"];
    for (i, batch) in batches.iter().enumerate() {
        let sel = Selection {
            anchor: i as u32,
            head: i as u32 + 1,
        };
        drafts::apply(&mut first, &mut cache, &d, batch, Some(sel)).unwrap();
        // A second program, the first one still open and never closed cleanly.
        let mut second = Store::open(&db).unwrap();
        let view = drafts::open(&mut second, &mut Drafts::new(), &d).unwrap();
        assert_eq!(view.text, want[i]);
        assert_eq!(view.selection, Some(sel));
        drafts::preload(&mut second, &mut Drafts::new(), &d).unwrap();
    }
    std::mem::forget(first);
}
