//! Sync between workstations, the store's side: the change as it travels ([`Change`]), the merge
//! of incoming changes ([`apply`]), the changes a colleague lacks ([`export`]), version vectors
//! ([`vector`]), conflicts and their resolution ([`conflicts`]), the workstation's identity and
//! copy detection ([`identity`]) and the record of past exchanges ([`history`]).
//!
//! *Architecture invariant:* this module knows nothing of the bundle's file layout (zip entries,
//! manifest, checksums): that is `normdesk-sync`. It takes changes from an iterator and gives
//! them out row by row, so a store can sync over any carrier.
//!
//! The merge rule (docs/data-model.md, "Sync"): per field, the changes form a graph whose edges
//! are `prev` and `resolves`; the heads are the changes nothing descends from; the visible value
//! is the head with the highest stamp `(hlc, replica)`, and every other head is an open conflict.
//! That is a function of the set of changes, so any order of imports gives the same data and the
//! same conflicts.

pub mod apply;
mod change;
pub mod conflicts;
pub mod export;
pub mod history;
pub mod identity;
mod merge;
pub mod vector;

use serde::{Deserialize, Serialize};
use specta::Type;

pub use change::{Change, Stamp};
pub use vector::Vector;

/// A workstation as colleagues see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Replica {
    pub id: String,
    pub name: String,
}

/// What long work reports after each batch; the callback answers `ControlFlow::Break(())` to
/// cancel (an import then rolls back: nothing applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Progress {
    pub phase: Phase,
    /// Changes (or bytes, for `Verify`) done so far.
    pub done: u32,
    /// The total, when known (0 when not).
    pub total: u32,
}

/// The phases of an exchange, for a progress bar's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Verify,
    Apply,
    Export,
}

/// Saturating conversion for counts that cross IPC as `u32`.
pub(crate) fn count(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
