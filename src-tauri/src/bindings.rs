//! The IPC contract, declared once: the command list tauri-specta serves and exports to
//! TypeScript (`ui/src/bindings.ts`, committed). `make bindings` rewrites the file; the test
//! below fails when the committed file is stale.

use std::path::{Path, PathBuf};

use specta_typescript::Typescript;
use tauri_specta::{Builder, ErrorHandlingMode, collect_commands};

use crate::commands;

/// First line of the generated file (the UI's eslint ignores the file).
const HEADER: &str = "// Generated from src-tauri/src/commands/ by `make bindings`.";

/// The runtime helper every command goes through. It is tauri-specta's own `typedError`, plus an
/// exported `Result` type so the UI can name what a command resolves to.
const TYPED_ERROR_IMPL: &str = r#"export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

async function typedError<T, E>(result: Promise<T>): Promise<Result<T, E>> {
    try {
        return { status: "ok", data: await result };
    } catch (e) {
        // An Error instance is a failure of the IPC bridge itself, not a command's error value.
        if (e instanceof Error) throw e;
        return { status: "error", error: e as E };
    }
}"#;

/// The commands the shell serves, in one place for the invoke handler and the exporter.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::app_info,
            commands::set_display_name,
            commands::set_language,
            commands::backup_database,
            commands::projects::stages,
            commands::projects::lookups,
            commands::projects::list_projects,
            commands::projects::get_project,
            commands::projects::create_project,
            commands::projects::update_project,
            commands::projects::delete_project,
            commands::projects::change_stage,
            commands::registers::committee_tree,
            commands::registers::committee_page,
            commands::registers::create_committee,
            commands::registers::update_committee,
            commands::registers::delete_committee,
            commands::registers::list_people,
            commands::registers::person_page,
            commands::registers::create_person,
            commands::registers::update_person,
            commands::registers::delete_person,
            commands::registers::add_training,
            commands::registers::remove_training,
            commands::registers::create_membership,
            commands::registers::end_membership,
            commands::registers::delete_membership,
            commands::registers::list_organisations,
            commands::registers::get_organisation,
            commands::registers::create_organisation,
            commands::registers::update_organisation,
            commands::registers::delete_organisation,
            commands::registers::list_liaisons,
            commands::registers::get_liaison,
            commands::registers::create_liaison,
            commands::registers::update_liaison,
            commands::registers::mark_liaison_reviewed,
            commands::registers::delete_liaison,
            commands::registers::list_statements,
            commands::registers::get_statement,
            commands::registers::create_statement,
            commands::registers::update_statement,
            commands::registers::set_statement_state,
            commands::registers::delete_statement,
            commands::registers::attach_file,
            commands::registers::save_attachment,
            commands::registers::remove_attachment,
            commands::dashboard::dashboard,
            commands::packets::packet_kinds,
            commands::packets::packet_preflight,
            commands::packets::save_packet,
            commands::packets::packet_pages,
            commands::dashboard::target_progress,
            commands::dashboard::create_target,
            commands::dashboard::update_target,
            commands::dashboard::delete_target,
            commands::dashboard::search_everywhere,
            commands::exchange::export_register,
            commands::exchange::preview_register_import,
            commands::exchange::import_register,
            commands::sync::sync_overview,
            commands::sync::sync_history,
            commands::sync::bundle_file_name,
            commands::sync::export_bundle,
            commands::sync::preview_bundle,
            commands::sync::import_bundle,
            commands::sync::cancel_sync,
            commands::sync::list_conflicts,
            commands::sync::resolve_conflict,
            commands::revisions::project_revisions,
            commands::revisions::name_revision,
            commands::revisions::revision_offers,
            commands::revisions::compare_versions,
            commands::comments::list_comments,
            commands::comments::create_comment,
            commands::comments::update_comment,
            commands::comments::delete_comment,
            commands::comments::export_comments,
            commands::comments::preview_comments_import,
            commands::comments::import_comments,
            commands::drafts::list_drafts,
            commands::drafts::create_draft,
            commands::drafts::open_draft,
            commands::drafts::preload_draft,
            commands::drafts::apply_draft_edits,
            commands::drafts::set_draft_selection,
            commands::drafts::close_draft,
            commands::drafts::draft_clause_position,
            commands::drafts::draft_reviews,
            commands::drafts::confirm_draft_review,
        ])
        .error_handling(ErrorHandlingMode::Result)
        .disable_serde_phases()
        .typed_error_impl(TYPED_ERROR_IMPL)
}

/// Where the committed bindings live.
pub fn committed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts")
}

/// Writes the TypeScript bindings to `path`.
pub fn export(path: &Path) -> Result<(), specta_typescript::Error> {
    builder().export(Typescript::default().header(HEADER), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regenerates the bindings and compares them with the committed file. When they differ
    /// the file is rewritten (so `git diff` shows the change) and the test fails.
    #[test]
    fn committed_bindings_are_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let fresh_path = dir.path().join("bindings.ts");
        export(&fresh_path).expect("the bindings export");
        let fresh = std::fs::read_to_string(&fresh_path).unwrap();
        let committed_path = committed_path();
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        if committed != fresh {
            std::fs::write(&committed_path, &fresh).unwrap();
            panic!(
                "{} was stale and has been regenerated; review and commit it (or run `make bindings`)",
                committed_path.display()
            );
        }
    }

    #[test]
    fn bindings_name_every_command() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bindings.ts");
        export(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        for name in [
            "appInfo",
            "setDisplayName",
            "setLanguage",
            "backupDatabase",
            "stages",
            "lookups",
            "listProjects",
            "getProject",
            "createProject",
            "updateProject",
            "deleteProject",
            "changeStage",
            "committeeTree",
            "committeePage",
            "createCommittee",
            "updateCommittee",
            "deleteCommittee",
            "listPeople",
            "personPage",
            "createPerson",
            "updatePerson",
            "deletePerson",
            "addTraining",
            "removeTraining",
            "createMembership",
            "endMembership",
            "deleteMembership",
            "listOrganisations",
            "getOrganisation",
            "createOrganisation",
            "updateOrganisation",
            "deleteOrganisation",
            "listLiaisons",
            "getLiaison",
            "createLiaison",
            "updateLiaison",
            "markLiaisonReviewed",
            "deleteLiaison",
            "listStatements",
            "getStatement",
            "createStatement",
            "updateStatement",
            "setStatementState",
            "deleteStatement",
            "attachFile",
            "saveAttachment",
            "removeAttachment",
            "dashboard",
            "targetProgress",
            "updateTarget",
            "searchEverywhere",
            "exportRegister",
            "previewRegisterImport",
            "importRegister",
            "syncOverview",
            "syncHistory",
            "bundleFileName",
            "exportBundle",
            "previewBundle",
            "importBundle",
            "cancelSync",
            "listConflicts",
            "resolveConflict",
            "projectRevisions",
            "nameRevision",
            "revisionOffers",
            "compareVersions",
            "listComments",
            "createComment",
            "updateComment",
            "deleteComment",
            "exportComments",
            "previewCommentsImport",
            "importComments",
        ] {
            assert!(
                text.contains(&format!("\t{name}: (")),
                "bindings lack commands.{name}"
            );
        }
    }
}
