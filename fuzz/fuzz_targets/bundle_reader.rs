//! Fuzzes the bundle reader: any bytes given as a bundle must be refused with an error or
//! verified — never a panic, a hang or unbounded memory. Limits are small so that each input is
//! quick; seeds in `fuzz/seeds` are real bundles.

#![no_main]

use std::ops::ControlFlow;

use libfuzzer_sys::fuzz_target;
use normdesk_sync::Limits;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_file: 1 << 20,
        max_entries: 64,
        max_entry: 4 << 20,
        max_total: 8 << 20,
        max_manifest: 64 << 10,
        max_line: 64 << 10,
        max_blob: 1 << 20,
    };
    let _ = normdesk_sync::read::from_bytes("fuzz.ndbundle", data.to_vec(), &limits, &mut |_| ControlFlow::Continue(()));
});
