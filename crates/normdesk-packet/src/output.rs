//! Writing a packet file without ever leaving a partial one: the bytes go to a temporary file in
//! the destination's folder (created new, so nothing is overwritten by accident), are synced,
//! and the file is renamed over the destination. Until [`OutputFile::persist`] succeeds, the
//! temporary file is removed when the value is dropped (a failure, a cancel, a panic).
//!
//! Claim the output first ([`OutputFile::beside`]): an unwritable path is reported before the
//! packet is rendered. The CLI and the desktop shell both write packets through this.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::PacketError;

/// A temporary file next to the destination, removed unless [`OutputFile::persist`] renames it.
#[derive(Debug)]
pub struct OutputFile {
    file: Option<File>,
    path: PathBuf,
    dest: PathBuf,
}

impl OutputFile {
    /// Creates the temporary file beside `dest`. Refused: an empty path, a folder, a path
    /// without a file name, a folder that does not exist or cannot be written.
    pub fn beside(dest: &Path) -> Result<OutputFile, PacketError> {
        let cannot = |reason: &str| PacketError::Output {
            path: dest.to_path_buf(),
            reason: reason.to_owned(),
        };
        if dest.as_os_str().is_empty() {
            return Err(cannot("the path is empty; give the PDF file to write"));
        }
        if dest.is_dir() {
            return Err(cannot(
                "it is a folder; give a file name such as packet.pdf",
            ));
        }
        let name = dest
            .file_name()
            .ok_or_else(|| cannot("it has no file name"))?;
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let path = dir.join(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| cannot(&e.to_string()))?;
        Ok(OutputFile {
            file: Some(file),
            path,
            dest: dest.to_path_buf(),
        })
    }

    /// The file this will become.
    pub fn destination(&self) -> &Path {
        &self.dest
    }

    /// Writes all of `bytes` and syncs them to disk.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), PacketError> {
        let file = self.file.as_mut().expect("open until persisted");
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| PacketError::Output {
                path: self.dest.clone(),
                reason: e.to_string(),
            })
    }

    /// Renames the temporary file over the destination.
    pub fn persist(mut self) -> Result<PathBuf, PacketError> {
        self.file.take();
        fs::rename(&self.path, &self.dest).map_err(|e| {
            let _ = fs::remove_file(&self.path);
            PacketError::Output {
                path: self.dest.clone(),
                reason: e.to_string(),
            }
        })?;
        Ok(self.dest.clone())
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn persisted_bytes_arrive_whole_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("p.pdf");
        let mut out = OutputFile::beside(&dest).unwrap();
        out.write_all(b"%PDF-1.7 ...").unwrap();
        assert!(!dest.exists(), "nothing at the destination before persist");
        out.persist().unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"%PDF-1.7 ...");
        assert_eq!(entries(dir.path()), ["p.pdf"]);
    }

    #[test]
    fn dropped_before_persist_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputFile::beside(&dir.path().join("p.pdf")).unwrap();
        out.write_all(b"half").unwrap();
        drop(out);
        assert!(entries(dir.path()).is_empty());
    }

    #[test]
    fn unwritable_paths_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder/p.pdf");
        for (dest, says) in [
            (PathBuf::new(), "the path is empty"),
            (dir.path().to_path_buf(), "it is a folder"),
            (missing.clone(), "No such file"),
        ] {
            let err = OutputFile::beside(&dest).unwrap_err().to_string();
            assert!(
                err.contains(&format!("cannot write {}", dest.display())) && err.contains(says),
                "{err}"
            );
        }
    }
}
