//! The output folder on disk: synth replaces it as a whole, never deletes a
//! file it did not write, and leaves no moment without an output folder.
//!
//! For an output folder `out`, a synth
//!
//! 1. checks that `out` may be replaced: it is missing, empty, or every entry
//!    in it is one its previous `manifest.json` lists (the files, the folders
//!    that hold them, the manifest). Anything else is refused with a
//!    [`Refusal`] that names the entries in the way, and nothing changes;
//! 2. creates the staging folder `.out.synth-XXXXXX/` beside `out`, with a
//!    marker file that stays locked while the run lasts, writes every file
//!    into its `output/` folder and syncs every file and folder;
//! 3. checks `out` again (something may have been added meanwhile), gives
//!    `output/` the permissions of `out`, and swaps: on Linux one
//!    `renameat2(RENAME_EXCHANGE)`, elsewhere (or where the filesystem
//!    cannot exchange) two renames, the previous output aside and the new
//!    one in;
//! 4. syncs the folder that holds `out`, removes the staging folder (which
//!    now holds the previous output), and removes the staging folders that
//!    interrupted runs left beside `out`: only those with the marker (or
//!    empty), and none that a running synth holds locked.
//!
//! A file whose bytes are the same as in the previous output keeps the time
//! it was last modified, so tools that watch the folder see only the files
//! that changed; [`crate::Synth::update`] writes nothing at all when no file
//! changed.
//!
//! A run stopped at any moment (`kill -9`, a power cut) leaves `out` holding
//! the complete previous output or the complete new one. The one exception
//! is the two-rename path between its renames: `out` is then missing, and
//! the previous output is complete in the staging folder. The next run
//! writes `out` and removes what the stopped one left.

mod fault;
mod ownership;
mod staging;
mod swap;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub use ownership::{Problem, Refusal};

use crate::assembly::{AssembledFile, SynthError};
use fault::Step;
use ownership::Existing;
use staging::Staging;

/// Writes `files` (paths from the output folder) into the output folder
/// `target`, replacing a previous output; `write_file` writes and syncs one
/// file ([`write_synced`]). Files whose bytes the previous output already
/// holds keep the time they were last modified. On any error `target` is
/// left as it was and the staging folder is removed.
pub(crate) fn replace(
    target: &Path,
    files: &[AssembledFile],
    write_file: &mut dyn FnMut(&Path, &[u8]) -> io::Result<()>,
) -> Result<(), SynthError> {
    let (destination, unchanged) = match ownership::inspect(target)? {
        Existing::Nothing => (target.to_owned(), BTreeMap::new()),
        Existing::Replaceable { folder, .. } => {
            let unchanged = unchanged_files(&folder, files);
            (folder, unchanged)
        }
    };
    let (parent, name) = parent_and_name(&destination)?;
    let staging = Staging::create(&parent, &name)?;
    staging.write(files, &unchanged, target, write_file)?;
    fault::stop_at(Step::StagingComplete);
    match ownership::inspect(target)? {
        Existing::Nothing => swap::create(&staging.output(), &destination)?,
        Existing::Replaceable { permissions, .. } => {
            fs::set_permissions(staging.output(), permissions)
                .map_err(io_error(target, "give the new output folder this folder's permissions"))?;
            swap::replace(&staging.output(), &destination, &staging.previous())?;
        }
    }
    // The new output is complete and in place; a failed sync only means a
    // power cut could bring back the previous one, itself complete.
    let _ = sync_folder(&parent);
    fault::stop_at(Step::Swapped);
    staging.remove();
    staging::remove_leftovers(&parent, name.as_os_str());
    Ok(())
}

/// Like [`replace`], but leaves `target` untouched when it already holds
/// exactly `files`. Returns the paths (from the output folder) of the files
/// that are new or changed: empty when nothing was written.
pub(crate) fn update<'f>(
    target: &Path,
    files: &'f [AssembledFile],
    write_file: &mut dyn FnMut(&Path, &[u8]) -> io::Result<()>,
) -> Result<Vec<&'f str>, SynthError> {
    let unchanged = match ownership::inspect(target)? {
        Existing::Nothing => BTreeMap::new(),
        Existing::Replaceable { folder, .. } => unchanged_files(&folder, files),
    };
    let changed: Vec<&str> =
        files.iter().map(|file| file.path.as_str()).filter(|path| !unchanged.contains_key(path)).collect();
    // The folder holds nothing its manifest does not list, and the manifest
    // is among the unchanged files: the folder holds exactly these files.
    if !changed.is_empty() {
        replace(target, files, write_file)?;
    }
    Ok(changed)
}

/// The files whose bytes `previous` (an output folder) already holds, with
/// the time each was last modified there. A file that cannot be read counts
/// as changed.
fn unchanged_files<'f>(previous: &Path, files: &'f [AssembledFile]) -> BTreeMap<&'f str, SystemTime> {
    files
        .iter()
        .filter_map(|file| {
            let path = previous.join(&file.path);
            let same = fs::read(&path).ok()? == file.contents.as_bytes();
            let modified = fs::metadata(&path).and_then(|metadata| metadata.modified()).ok()?;
            same.then_some((file.path.as_str(), modified))
        })
        .collect()
}

/// Writes `contents` to a new file at `path` and syncs it to the disk.
pub(crate) fn write_synced(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// The folder that holds `destination`, and its name.
fn parent_and_name(destination: &Path) -> Result<(PathBuf, std::ffi::OsString), SynthError> {
    let Some(name) = destination.file_name() else {
        return Err(SynthError::Io {
            path: destination.to_owned(),
            action: "name the output folder",
            source: io::Error::new(io::ErrorKind::InvalidInput, "the path does not end in a folder's name"),
        });
    };
    let parent = match destination.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name.to_owned()))
}

/// Syncs a folder's entries to the disk (on Unix; elsewhere folders cannot be
/// opened to sync them).
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    return File::open(folder)?.sync_all();
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

/// Turns an I/O error into [`SynthError::Io`] about `path`.
fn io_error(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> SynthError {
    let path = path.to_owned();
    move |source| SynthError::Io { path, action, source }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::{fs, io};

    use super::{replace, write_synced};
    use crate::assembly::{AssembledFile, SynthError};

    /// A pipeline's files and a manifest that lists them, their contents
    /// marked with `version`.
    fn files(version: &str) -> Vec<AssembledFile> {
        let file = |path: &str, contents: String| AssembledFile { path: path.to_owned(), kind: None, contents };
        vec![
            file("app/pipeline.json", format!("{version}\n")),
            file("app/events/rule.json", format!("{version}\n")),
            file(
                "manifest.json",
                format!(
                    "{{\"generator\": \"pipewright\", \"version\": \"{version}\", \"pipelines\": [{{\"files\": \
                     [{{\"path\": \"app/pipeline.json\"}}, {{\"path\": \"app/events/rule.json\"}}]}}]}}\n"
                ),
            ),
        ]
    }

    /// Writes like [`write_synced`] but fails on the second file.
    fn failing_on_second_file() -> impl FnMut(&Path, &[u8]) -> io::Result<()> {
        let mut written = 0;
        move |path, contents| {
            written += 1;
            if written == 2 {
                return Err(io::Error::other("disk full"));
            }
            write_synced(path, contents)
        }
    }

    fn listing(dir: &Path) -> BTreeMap<String, String> {
        let mut found = BTreeMap::new();
        let mut pending = vec![dir.to_owned()];
        while let Some(folder) = pending.pop() {
            for entry in fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                if path.is_dir() {
                    found.insert(relative + "/", String::new());
                    pending.push(path);
                } else {
                    found.insert(relative, fs::read_to_string(&path).unwrap());
                }
            }
        }
        found
    }

    #[test]
    fn a_write_error_on_a_first_synth_leaves_nothing() {
        let parent = tempfile::tempdir().unwrap();
        let error = replace(&parent.path().join("out"), &files("new"), &mut failing_on_second_file());
        let Err(SynthError::Io { path, action, source }) = error else { panic!("expected an I/O error") };
        assert_eq!(
            (path, action, source.to_string()),
            (parent.path().join("out/app/events/rule.json"), "write the file", "disk full".to_owned())
        );
        assert!(listing(parent.path()).is_empty(), "{:?}", listing(parent.path()));
    }

    #[test]
    fn a_write_error_leaves_the_previous_output_as_it_was() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("out");
        replace(&out, &files("old"), &mut write_synced).unwrap();
        let before = listing(parent.path());
        assert_eq!(before.len(), 6, "{before:?}");

        let error = replace(&out, &files("new"), &mut failing_on_second_file());
        assert!(matches!(error, Err(SynthError::Io { action: "write the file", .. })));
        assert_eq!(listing(parent.path()), before);
    }
}
