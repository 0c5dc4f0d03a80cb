//! Shared helpers for the sync tests: stores in temporary folders with a few records of several
//! kinds, bundles written and read back, and zips assembled by hand for the damaged-file cases.

#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use normdesk_core::sync::Progress;
use normdesk_core::{Source, Store, schema};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub fn go(_: Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// A store in its own temporary folder.
pub struct Desk {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Desk {
    pub fn new(name: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("normdesk.db")).unwrap();
        store.set_display_name(name).unwrap();
        Desk { dir, store }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn dump(&self) -> String {
        normdesk_core::dump::dump(self.store.conn()).unwrap()
    }

    pub fn id(&self) -> String {
        self.store.identity().unwrap().replica_id
    }

    /// Creates a record of `kind` from JSON fields; returns its id.
    pub fn create(&mut self, kind: &str, fields: Value) -> String {
        let spec = schema::entity(kind).unwrap();
        let map: Map<String, Value> = fields.as_object().unwrap().clone();
        self.store
            .write(Source::Cli, |w| w.create(spec, map))
            .unwrap()
    }

    /// An organisation, a committee, a person, a membership and a project that refer to
    /// each other.
    pub fn seed(&mut self) -> Vec<String> {
        let org = self.create(
            "organisation",
            json!({"acronym": "ISO", "kind": "international_sdo", "name_zh": "国际标准化组织"}),
        );
        let tc = self.create("committee", json!({"reference": "ISO/TC 20/SC 16", "kind": "SC", "membership": "P", "organisation_id": org}));
        let person = self.create(
            "person",
            json!({"name_zh": "李明", "name_en": "Li Ming", "organisation_id": org}),
        );
        let m = self.create(
            "membership",
            json!({"person_id": person, "committee_id": tc, "role": "expert"}),
        );
        let p = self.create(
            "project",
            json!({"reference": "ISO/CD 21384-5", "title_en": "Unmanned aircraft systems", "tier": "international",
                   "deliverable": "IS", "our_role": "lead", "stage": "30.20", "committee_id": tc}),
        );
        vec![org, tc, person, m, p]
    }

    /// Exports a bundle (for `peer`, or full) into this desk's folder; returns its path.
    pub fn export(&mut self, peer: Option<&Desk>) -> PathBuf {
        let peer = peer.map(|p| normdesk_core::sync::Replica {
            id: p.id(),
            name: p.store.identity().unwrap().name,
        });
        let out = self
            .dir
            .path()
            .join(format!("{}.ndbundle", uuid::Uuid::now_v7()));
        normdesk_sync::export(&mut self.store, &out, peer.as_ref(), &mut go).unwrap();
        out
    }

    pub fn import(&mut self, path: &Path) -> normdesk_core::sync::apply::ImportReport {
        normdesk_sync::import(&mut self.store, path, &mut go)
            .unwrap_or_else(|e| panic!("import of {}: {e}", path.display()))
    }
}

/// The entries of a zip, in order, with their bytes.
pub fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

/// One entry to write by hand.
pub struct Raw {
    pub name: String,
    pub data: Vec<u8>,
    pub stored: bool,
    pub symlink: bool,
    pub dir: bool,
}

pub fn raw(name: &str, data: impl Into<Vec<u8>>) -> Raw {
    Raw {
        name: name.into(),
        data: data.into(),
        stored: false,
        symlink: false,
        dir: false,
    }
}

/// A zip of the given entries, in order.
pub fn zip(entries: Vec<Raw>) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for e in entries {
        let opts = SimpleFileOptions::default().compression_method(if e.stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        });
        if e.dir {
            w.add_directory(e.name, opts).unwrap();
        } else if e.symlink {
            w.add_symlink(e.name, String::from_utf8(e.data).unwrap(), opts)
                .unwrap();
        } else {
            w.start_file(e.name, opts).unwrap();
            w.write_all(&e.data).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

pub fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A bundle's parts, to change and reassemble.
#[derive(Clone)]
pub struct Parts {
    pub manifest: Value,
    pub changes: Vec<u8>,
}

impl Parts {
    pub fn of(bytes: &[u8]) -> Parts {
        let all = entries(bytes);
        let get = |n: &str| {
            all.iter()
                .find(|(name, _)| name == n)
                .map(|(_, d)| d.clone())
                .unwrap()
        };
        Parts {
            manifest: serde_json::from_slice(&get("manifest.json")).unwrap(),
            changes: get("changes.jsonl"),
        }
    }

    /// Sets the changes entry's size, checksum and counts to match `changes`.
    pub fn reseal(&mut self) {
        let mut by = std::collections::BTreeMap::<String, u64>::new();
        let mut n = 0;
        for line in self
            .changes
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
        {
            n += 1;
            if let Ok(v) = serde_json::from_slice::<Value>(line) {
                *by.entry(v["entity"].as_str().unwrap_or("").to_owned())
                    .or_default() += 1;
            }
        }
        self.manifest["counts"] = json!({"changes": n, "by_entity": by});
        self.manifest["entries"][0]["size"] = json!(self.changes.len());
        self.manifest["entries"][0]["sha256"] = json!(sha(&self.changes));
    }

    /// mimetype, changes.jsonl, any extra entries, manifest.json.
    pub fn build_with(&self, extra: Vec<Raw>) -> Vec<u8> {
        let mut list = vec![
            Raw {
                stored: true,
                ..raw("mimetype", normdesk_sync::format::MIMETYPE)
            },
            raw("changes.jsonl", self.changes.clone()),
        ];
        list.extend(extra);
        list.push(raw(
            "manifest.json",
            serde_json::to_vec_pretty(&self.manifest).unwrap(),
        ));
        zip(list)
    }

    pub fn build(&self) -> Vec<u8> {
        self.build_with(vec![])
    }

    /// Replaces the first line's JSON with `f(line)`, resealed.
    pub fn edit_first_line(&self, f: impl Fn(&mut Value)) -> Vec<u8> {
        let mut p = self.clone();
        let text = String::from_utf8(p.changes.clone()).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let mut first: Value = serde_json::from_str(&lines[0]).unwrap();
        f(&mut first);
        lines[0] = first.to_string();
        p.changes = (lines.join("\n") + "\n").into_bytes();
        p.reseal();
        p.build()
    }
}

/// Patches a 16- or 32-bit field of every local and central header of entry `name`.
pub fn patch_headers(
    bytes: &mut [u8],
    name: &str,
    local_offset: usize,
    central_offset: usize,
    value: u32,
    width: usize,
) {
    let mut i = 0;
    while i + 46 < bytes.len() {
        let sig = u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap());
        let (name_at, offset) = match sig {
            0x04034b50 => (30, local_offset),
            0x02014b50 => (46, central_offset),
            _ => {
                i += 1;
                continue;
            }
        };
        let len_at = if sig == 0x04034b50 { 26 } else { 28 };
        let len =
            u16::from_le_bytes(bytes[i + len_at..i + len_at + 2].try_into().unwrap()) as usize;
        if bytes.get(i + name_at..i + name_at + len) == Some(name.as_bytes()) {
            let le = value.to_le_bytes();
            bytes[i + offset..i + offset + width].copy_from_slice(&le[..width]);
        }
        i += 4;
    }
}
