//! Damaged and hostile bundles, as a table: each is made here from a good bundle or by hand,
//! must be refused with a message that names the file and the problem, and must leave the store
//! byte-identical (dump) and passing its check. Small limits keep the size cases fast.

mod support;

use normdesk_sync::{Limits, SyncError};
use serde_json::{Value, json};
use support::{Desk, Parts, Raw, go, patch_headers, raw, zip};

struct Case {
    what: &'static str,
    bytes: Vec<u8>,
    /// The message must contain one of these ("|"-separated).
    says: &'static str,
}

fn limits() -> Limits {
    Limits {
        max_file: 4 << 20,
        max_entries: 8,
        max_entry: 1 << 20,
        max_total: 2 << 20,
        max_manifest: 64 << 10,
        max_line: 32 << 10,
        max_blob: 64 << 10,
    }
}

fn cases(good: &[u8]) -> Vec<Case> {
    let parts = Parts::of(good);
    let mime = || Raw {
        stored: true,
        ..raw("mimetype", normdesk_sync::format::MIMETYPE)
    };
    let manifest_bytes = serde_json::to_vec(&parts.manifest).unwrap();
    let with_manifest = |f: &dyn Fn(&mut Value)| {
        let mut p = parts.clone();
        f(&mut p.manifest);
        p.build()
    };
    let with_changes = |changes: Vec<u8>, reseal: bool| {
        let mut p = parts.clone();
        p.changes = changes;
        if reseal {
            p.reseal();
        }
        p.build()
    };
    // An attachment file listed with the checksum of its bytes, under the name `path`.
    let with_blob = |path: String, bytes: &[u8]| {
        let mut p = parts.clone();
        p.manifest["entries"].as_array_mut().unwrap().push(json!({
            "path": path, "kind": "attachment_blob", "size": bytes.len(), "sha256": support::sha(bytes)
        }));
        p.build_with(vec![raw(&path, bytes.to_vec())])
    };
    let mut flipped = good.to_vec();
    let middle = flipped.len() / 3;
    flipped[middle] ^= 0x55;
    let mut encrypted = good.to_vec();
    patch_headers(&mut encrypted, "changes.jsonl", 6, 8, 1, 2);
    let mut bomb_lie = {
        let mut p = parts.clone();
        let zeros = vec![b'0'; 3 << 20];
        p.manifest["entries"]
            .as_array_mut()
            .unwrap()
            .push(json!({"path": "drafts/a.am", "kind": "draft", "size": 10, "sha256": "00"}));
        p.build_with(vec![raw("drafts/a.am", zeros)])
    };
    patch_headers(&mut bomb_lie, "drafts/a.am", 22, 24, 10, 4);
    let bomb_honest = {
        let mut p = parts.clone();
        p.manifest["entries"]
            .as_array_mut()
            .unwrap()
            .push(json!({"path": "drafts/b.am", "kind": "draft", "size": 3 << 20, "sha256": "00"}));
        p.build_with(vec![raw("drafts/b.am", vec![0u8; 3 << 20])])
    };
    let many = {
        let mut p = parts.clone();
        let extra: Vec<Raw> = (0..9)
            .map(|i| raw(&format!("x/{i}"), b"x".to_vec()))
            .collect();
        for i in 0..9 {
            p.manifest["entries"].as_array_mut().unwrap().push(json!({"path": format!("x/{i}"), "kind": "x", "size": 1, "sha256": support::sha(b"x")}));
        }
        p.build_with(extra)
    };
    let long_line = {
        let mut v: Value =
            serde_json::from_slice(parts.changes.split(|b| *b == b'\n').next().unwrap()).unwrap();
        v["field"] = json!("scope");
        v["entity"] = json!("project");
        v["value"] = json!("x".repeat(40 << 10));
        let mut text = v.to_string().into_bytes();
        text.push(b'\n');
        text
    };
    // The zip writer refuses two entries of one name, so the second is renamed in the bytes.
    let duplicate = {
        let bytes = zip(vec![
            mime(),
            raw("changes.jsonl", "a"),
            raw("changes.jsonX", "b"),
            raw("manifest.json", manifest_bytes.clone()),
        ]);
        let text = bytes
            .iter()
            .map(|b| *b as char)
            .collect::<String>()
            .replace("changes.jsonX", "changes.jsonl");
        text.chars().map(|c| c as u8).collect::<Vec<u8>>()
    };
    let mut bad_method = good.to_vec();
    patch_headers(&mut bad_method, "changes.jsonl", 8, 10, 12, 2);

    vec![
        Case {
            what: "empty file",
            bytes: vec![],
            says: "the file is empty",
        },
        Case {
            what: "random bytes",
            bytes: (0..5000u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect(),
            says: "not a Normdesk bundle",
        },
        Case {
            what: "plain text",
            bytes: b"Dear colleague, here are my changes".to_vec(),
            says: "not a readable zip",
        },
        Case {
            what: "truncated",
            bytes: good[..good.len() / 2].to_vec(),
            says: "not a readable zip",
        },
        Case {
            what: "truncated tail",
            bytes: good[..good.len() - 10].to_vec(),
            says: "not a readable zip",
        },
        Case {
            what: "bit-flipped",
            bytes: flipped,
            // Where the flip lands depends on the bundle's (random) ids; inside compressed data
            // it can also make an entry inflate past its declared size.
            says: "damaged|not a readable zip|cannot be|not a valid change|checksum|not valid UTF-8|expands beyond its declared size",
        },
        Case {
            what: "over the file size limit",
            bytes: vec![b'P'; (4 << 20) + 10],
            says: "larger than the limit",
        },
        Case {
            what: "zip without manifest",
            bytes: zip(vec![mime(), raw("changes.jsonl", parts.changes.clone())]),
            says: "has no manifest.json",
        },
        Case {
            what: "zip without mimetype",
            bytes: zip(vec![
                raw("changes.jsonl", parts.changes.clone()),
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "first entry is not 'mimetype'",
        },
        Case {
            what: "wrong mimetype",
            bytes: zip(vec![
                Raw {
                    stored: true,
                    ..raw("mimetype", "application/zip")
                },
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "is not application/vnd.normdesk.bundle+zip",
        },
        Case {
            what: "../ entry",
            bytes: zip(vec![
                mime(),
                raw("../evil.sh", "rm -rf"),
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "outside the bundle",
        },
        Case {
            what: "absolute path",
            bytes: zip(vec![
                mime(),
                raw("/etc/passwd", "root"),
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "outside the bundle",
        },
        Case {
            what: "backslash path",
            bytes: zip(vec![
                mime(),
                raw("..\\evil", "x"),
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "outside the bundle",
        },
        Case {
            what: "symlink entry",
            bytes: zip(vec![
                mime(),
                Raw {
                    symlink: true,
                    ..raw("link", "/etc/passwd")
                },
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "symbolic link",
        },
        Case {
            what: "directory entry",
            bytes: zip(vec![
                mime(),
                Raw {
                    dir: true,
                    ..raw("drafts/", "")
                },
                raw("manifest.json", manifest_bytes.clone()),
            ]),
            says: "is a directory",
        },
        Case {
            what: "duplicate entries",
            bytes: duplicate,
            says: "same name|Duplicate",
        },
        Case {
            what: "encrypted entry",
            bytes: encrypted,
            says: "is encrypted",
        },
        Case {
            what: "unsupported compression",
            bytes: bad_method,
            says: "uses compression|not a readable zip|unsupported",
        },
        Case {
            what: "decompression bomb (lying header)",
            bytes: bomb_lie,
            says: "expands beyond its declared size (a decompression bomb?)",
        },
        Case {
            what: "entry over the size limit",
            bytes: bomb_honest,
            says: "declares 3145728 bytes; the limit is 1048576",
        },
        Case {
            what: "too many entries",
            bytes: many,
            says: "entries; the limit is 8",
        },
        Case {
            what: "line over the limit",
            bytes: with_changes(long_line, true),
            says: "longer than the limit",
        },
        Case {
            what: "checksum mismatch",
            bytes: with_manifest(&|m| m["entries"][0]["sha256"] = json!("0".repeat(64))),
            says: "checksum mismatch in 'changes.jsonl'",
        },
        Case {
            what: "size mismatch",
            bytes: with_manifest(&|m| m["entries"][0]["size"] = json!(3)),
            says: "but manifest.json says 3",
        },
        Case {
            what: "counts altered",
            bytes: with_manifest(&|m| m["counts"]["changes"] = json!(1)),
            says: "manifest.json counts 1",
        },
        Case {
            what: "newer format",
            bytes: with_manifest(&|m| m["format_version"] = json!(2)),
            says: "format version is newer than this Normdesk knows (2 > 1); update Normdesk",
        },
        Case {
            what: "newer schema",
            bytes: with_manifest(&|m| m["schema_version"] = json!(99)),
            says: "schema version is newer than this Normdesk knows (99 > 2); update Normdesk",
        },
        Case {
            what: "not a Normdesk manifest",
            bytes: with_manifest(&|m| m["format"] = json!("tc-bundle")),
            says: "does not say format \"normdesk-bundle\"",
        },
        Case {
            what: "manifest missing a field",
            bytes: with_manifest(&|m| {
                m.as_object_mut().unwrap().remove("until");
            }),
            says: "manifest.json is malformed: missing field `until`",
        },
        Case {
            what: "manifest field of the wrong type",
            bytes: with_manifest(&|m| m["counts"]["changes"] = json!("many")),
            says: "manifest.json is malformed",
        },
        Case {
            what: "manifest not JSON",
            bytes: zip(vec![
                mime(),
                raw("changes.jsonl", parts.changes.clone()),
                raw("manifest.json", "{not json"),
            ]),
            says: "manifest.json is not valid JSON",
        },
        Case {
            what: "manifest not UTF-8",
            bytes: zip(vec![
                mime(),
                raw("manifest.json", vec![0xff, 0xfe, b'{', b'}']),
            ]),
            says: "manifest.json is not valid UTF-8",
        },
        Case {
            what: "entry not in the manifest",
            bytes: parts.build_with(vec![raw("notes.txt", "hello")]),
            says: "entry 'notes.txt' is not listed in manifest.json",
        },
        Case {
            what: "manifest entry missing",
            bytes: with_manifest(&|m| {
                m["entries"].as_array_mut().unwrap().push(
                    json!({"path": "drafts/c.am", "kind": "draft", "size": 1, "sha256": "00"}),
                )
            }),
            says: "lists 'drafts/c.am' but the bundle has no such entry",
        },
        Case {
            what: "attachment file not its name",
            bytes: with_blob("blobs/".to_owned() + &"ab".repeat(32), b"not that file"),
            says: "holds bytes whose SHA-256 is",
        },
        Case {
            what: "attachment file badly named",
            bytes: with_blob("blobs/report.pdf".to_owned(), b"%PDF-1.7"),
            says: "is not named blobs/<sha256>",
        },
        Case {
            what: "attachment file over its limit",
            bytes: {
                let big = vec![7u8; (64 << 10) + 1];
                with_blob(format!("blobs/{}", support::sha(&big)), &big)
            },
            says: "is an attachment file of 65537 bytes; the limit is 65536",
        },
        Case {
            what: "unknown record kind",
            bytes: parts.edit_first_line(|c| c["entity"] = json!("spaceship")),
            says: "line 1: unknown record kind 'spaceship'",
        },
        Case {
            what: "unknown field",
            bytes: parts.edit_first_line(|c| c["field"] = json!("colour")),
            says: "line 1: organisation",
        },
        Case {
            what: "invalid value",
            bytes: parts.edit_first_line(|c| {
                c["entity"] = json!("project");
                c["field"] = json!("stage");
                c["value"] = json!("99.99");
            }),
            says: "field 'stage': stage: unknown stage code '99.99'",
        },
        Case {
            what: "over-long text",
            bytes: parts.edit_first_line(|c| c["value"] = json!("A".repeat(101))),
            says: "is 101 characters long; the limit is 100",
        },
        Case {
            what: "wrong type of value",
            bytes: parts.edit_first_line(|c| c["value"] = json!({"nested": true})),
            says: "line 1: organisation",
        },
        Case {
            what: "row id not a UUID",
            bytes: parts.edit_first_line(|c| c["row"] = json!("../../etc")),
            says: "is not a UUID",
        },
        Case {
            what: "unknown change key",
            bytes: parts.edit_first_line(|c| c["colour"] = json!("red")),
            says: "line 1: not a valid change (unknown field `colour`",
        },
        Case {
            what: "invalid UTF-8 line",
            bytes: with_changes(b"{\"replica\":\"\xff\xfe\"}\n".to_vec(), true),
            says: "line 1: not valid UTF-8",
        },
        Case {
            what: "invalid JSON line",
            bytes: with_changes(b"{\"replica\": \n".to_vec(), true),
            says: "line 1: not a valid change",
        },
        Case {
            what: "seq zero",
            bytes: parts.edit_first_line(|c| c["seq"] = json!(0)),
            says: "seq 0 is out of range",
        },
    ]
}

#[test]
fn every_damaged_or_hostile_bundle_is_refused_by_name_and_changes_nothing() {
    let mut a = Desk::new("A");
    a.seed();
    let good = std::fs::read(a.export(None)).unwrap();
    let mut b = Desk::new("B");
    b.seed();
    let before = b.dump();
    let table = cases(&good);
    assert!(table.len() >= 25);
    let mut problems = Vec::new();
    for (i, case) in table.into_iter().enumerate() {
        let name = format!("case-{i:02}.ndbundle");
        let file = b.path(&name);
        std::fs::write(&file, &case.bytes).unwrap();
        match normdesk_sync::run(&mut b.store, &file, &limits(), false, &mut go) {
            Ok(_) => problems.push(format!("{}: was imported", case.what)),
            Err(err) => {
                let message = err.to_string();
                if std::env::var_os("NORMDESK_SHOW_REFUSALS").is_some() {
                    eprintln!("{:<36} {message}", case.what);
                }
                let named = message.starts_with(&format!("bundle {name}: "));
                let says = case.says.split('|').any(|s| message.contains(s));
                if !named
                    || !says
                    || !matches!(err, SyncError::Refused { .. } | SyncError::Newer { .. })
                {
                    problems.push(format!(
                        "{}: {message:?} (wanted {:?})",
                        case.what, case.says
                    ));
                }
            }
        }
        if b.dump() != before || !normdesk_core::check::check(b.store.conn()).unwrap().ok() {
            problems.push(format!("{}: the store changed", case.what));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The good bundle itself still imports.
    let file = b.path("good.ndbundle");
    std::fs::write(&file, &good).unwrap();
    assert!(normdesk_sync::run(&mut b.store, &file, &limits(), false, &mut go).is_ok());
}
