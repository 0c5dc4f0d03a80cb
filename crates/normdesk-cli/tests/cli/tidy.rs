//! House rules checked on this crate's own sources: every module opens with a `//!` paragraph
//! saying what it owns, and no file grows past what one can read in one sitting.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_says_what_it_owns_and_stays_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    assert!(files.len() > 10, "found only {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        if !text.starts_with("//! ") {
            problems.push(format!(
                "{} does not open with a `//!` paragraph",
                file.display()
            ));
        }
        let lines = text.lines().count();
        if lines > 400 {
            problems.push(format!("{} has {lines} lines; split it", file.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
