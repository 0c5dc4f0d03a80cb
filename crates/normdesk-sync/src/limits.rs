//! The bounds a bundle must stay within, so a hostile file cannot exhaust the machine. Sizes of
//! entries are measured while decompressing (through `take(limit + 1)`), never trusted from the
//! zip's headers.

/// Limits for reading a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The bundle file itself.
    pub max_file: u64,
    /// Entries in the zip.
    pub max_entries: usize,
    /// One entry, uncompressed.
    pub max_entry: u64,
    /// All entries together, uncompressed.
    pub max_total: u64,
    /// `manifest.json`, uncompressed.
    pub max_manifest: u64,
    /// One line of `changes.jsonl` (a draft body of 10 million characters fits).
    pub max_line: usize,
    /// One attachment's bytes (`blobs/<sha256>`): the store's limit for a file.
    pub max_blob: u64,
}

impl Default for Limits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        Limits {
            max_file: 512 * MIB,
            max_entries: 10_000,
            max_entry: 4 * 1024 * MIB,
            max_total: 8 * 1024 * MIB,
            max_manifest: 4 * MIB,
            max_line: 64 * MIB as usize,
            max_blob: normdesk_core::attachments::MAX_ATTACHMENT_BYTES as u64,
        }
    }
}
