//! The staging folder: where a synth writes its files before they replace
//! the output folder, and how the next run recognises what an interrupted
//! one left behind.
//!
//! For an output folder `out`, the staging folder is `.out.synth-XXXXXX/`
//! beside it. It holds a marker file, locked for as long as the run that
//! created it lasts, and `output/`, the new output folder. After the swap it
//! holds the previous output instead, and is removed.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::fault::{self, Step};
use super::{io_error, sync_folder};
use crate::assembly::{AssembledFile, SynthError};

/// The marker file in every staging folder. Only a folder that holds it is
/// ever removed as a leftover.
const MARKER: &str = "pipewright-staging";

/// What the marker says to a person who finds it.
const MARKER_TEXT: &str = "A staging folder of pipewright's synth. The next synth into the output folder beside it \
                           removes it once no synth is writing here.\n";

/// A staging folder of this run, removed with everything in it when dropped.
pub(crate) struct Staging {
    folder: PathBuf,
    /// The marker, locked until the folder is removed.
    marker: Option<File>,
}

impl Staging {
    /// Creates a staging folder in `parent` for the output folder `name`,
    /// with its marker and an empty `output/` folder.
    pub(crate) fn create(parent: &Path, name: &OsStr) -> Result<Staging, SynthError> {
        fs::create_dir_all(parent).map_err(io_error(parent, "create the folder"))?;
        let folder = tempfile::Builder::new()
            .prefix(&prefix(name))
            .tempdir_in(parent)
            .map_err(io_error(parent, "create a folder in"))?;
        let marker_path = folder.path().join(MARKER);
        let marker = create_locked_marker(&marker_path).map_err(io_error(&marker_path, "create"))?;
        let staging = Staging { folder: folder.keep(), marker: Some(marker) };
        fs::create_dir(staging.output()).map_err(io_error(&staging.output(), "create the folder"))?;
        Ok(staging)
    }

    /// The new output folder, until the swap; the previous output after an
    /// exchange.
    pub(crate) fn output(&self) -> PathBuf {
        self.folder.join("output")
    }

    /// Where the two-rename swap moves the previous output aside.
    pub(crate) fn previous(&self) -> PathBuf {
        self.folder.join("previous")
    }

    /// Writes every file into [`Staging::output`] with `write_file`, gives
    /// the files in `unchanged` the time they were last modified in the
    /// previous output, then syncs every folder. Errors name the file as it
    /// will be in `shown`, the output folder as the user gave it.
    pub(crate) fn write(
        &self,
        files: &[AssembledFile],
        unchanged: &BTreeMap<&str, SystemTime>,
        shown: &Path,
        write_file: &mut dyn FnMut(&Path, &[u8]) -> io::Result<()>,
    ) -> Result<(), SynthError> {
        let output = self.output();
        let mut folders = BTreeSet::from([PathBuf::new()]);
        for (index, file) in files.iter().enumerate() {
            let path = Path::new(&file.path);
            for folder in path.ancestors().skip(1).filter(|folder| !folder.as_os_str().is_empty()) {
                if folders.insert(folder.to_owned()) {
                    fs::create_dir_all(output.join(folder))
                        .map_err(io_error(&shown.join(folder), "create the folder"))?;
                }
            }
            write_file(&output.join(path), file.contents.as_bytes())
                .map_err(io_error(&shown.join(path), "write the file"))?;
            if let Some(modified) = unchanged.get(file.path.as_str()) {
                keep_modified(&output.join(path), *modified)
                    .map_err(io_error(&shown.join(path), "keep the time it was last modified on the file"))?;
            }
            if index == 0 {
                fault::stop_at(Step::StagingPartlyWritten);
            }
        }
        for folder in &folders {
            sync_folder(&output.join(folder)).map_err(io_error(&shown.join(folder), "sync the folder"))?;
        }
        Ok(())
    }

    /// Removes the folder and what it holds (after the swap: the previous
    /// output), its marker last. A folder that cannot be removed stays for
    /// the next run.
    pub(crate) fn remove(self) {
        drop(self);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(marker) = self.marker.take() {
            let _ = remove_marked(&self.folder, marker);
        }
    }
}

/// Removes the staging folders interrupted runs left beside the output
/// folder `name` in `parent`: folders named `.<name>.synth-*` that hold the
/// marker and that no running synth holds locked. An empty folder named so is
/// removed too (a run stopped right after creating its staging folder, or
/// right after removing its marker, leaves one; removing an empty folder
/// loses nothing). Anything else, even named alike, is left alone, and so
/// is a folder that cannot be removed.
pub(crate) fn remove_leftovers(parent: &Path, name: &OsStr) {
    let prefix = prefix(name);
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let ours = entry.file_name().as_encoded_bytes().starts_with(prefix.as_encoded_bytes());
        if !ours || !entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            continue;
        }
        let marker = entry.path().join(MARKER);
        if !fs::symlink_metadata(&marker).is_ok_and(|metadata| metadata.is_file()) {
            // Fails, and so keeps the folder, unless it is empty.
            let _ = fs::remove_dir(entry.path());
            continue;
        }
        let Ok(marker) = File::open(&marker) else { continue };
        if marker.try_lock().is_ok() {
            let _ = remove_marked(&entry.path(), marker);
        }
    }
}

/// Sets the time the file at `path` was last modified, and syncs it.
fn keep_modified(path: &Path, modified: SystemTime) -> io::Result<()> {
    let file = File::options().write(true).open(path)?;
    file.set_modified(modified)?;
    file.sync_all()
}

/// Creates the marker at `path` and locks it.
fn create_locked_marker(path: &Path) -> io::Result<File> {
    let mut marker = File::create(path)?;
    marker.write_all(MARKER_TEXT.as_bytes())?;
    marker.try_lock().map_err(io::Error::from)?;
    Ok(marker)
}

/// Removes the staging folder `folder`, whose marker `lock` holds locked:
/// its marker last, so that a run stopped while removing it leaves a folder
/// the next run still recognises as a leftover.
fn remove_marked(folder: &Path, lock: File) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    drop(lock);
    fs::remove_file(folder.join(MARKER))?;
    fs::remove_dir(folder)
}

/// `.out.synth-`: how the name of every staging folder of `out` begins.
fn prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".synth-");
    prefix
}
