//! Integration tests that run the real `normdesk` binary against temporary databases.
//!
//! [`support`] starts the binary and checks the output rules every command shares; the other
//! modules are grouped by what a user does: set a store up, work with records, get refused.

mod crash;
mod exchange;
mod packet;
mod records;
mod refused;
mod setup;
mod support;
mod sync;
mod text;
mod tidy;
