//! Normdesk's core: the records of a standards office, their validation, and the SQLite store
//! that keeps them with a change log for sync. It knows no screen: the desktop shell and the
//! `normdesk` CLI are thin adapters over this crate.
//!
//! Entry points: [`Store`] opens a database (migrating it); [`Store::write`] runs replicated
//! writes through a [`Writer`] in one transaction; [`projects`] is the projects register;
//! [`records`] is the generic field-map interface used by the CLI; [`dump`] prints canonical JSON.

pub mod attachments;
pub mod check;
pub mod clock;
pub mod comments;
pub mod committees;
pub mod dashboard;
pub mod demo;
pub mod dump;
pub mod enums;
pub mod error;
pub mod exchange;
pub mod find;
pub mod liaisons;
pub mod markup;
pub mod memberships;
pub mod organisations;
pub mod packets;
pub mod paths;
pub mod people;
pub mod projects;
pub mod records;
pub mod schema;
pub mod search;
pub mod stages;
pub mod statements;
pub mod store;
pub mod sync;
pub mod targets;
pub mod typed;
pub mod validate;
pub mod writer;

pub use error::{CoreError, Result};
pub use store::{Identity, Store};
pub use writer::{Source, Writer};
