//! Putting the new output folder in place of the previous one.
//!
//! On Linux, `renameat2(RENAME_EXCHANGE)` trades the two folders in one
//! step: the output path never lacks a complete folder. Where that is not
//! available (other systems, or a filesystem that answers `EINVAL`, `ENOSYS`
//! or `EOPNOTSUPP`), two renames do it: the previous output aside, then the
//! new one in, with a moment between them when the output path is empty.

use std::fs;
use std::path::Path;

use super::fault::{self, Step};
use super::io_error;
use crate::assembly::SynthError;

/// Puts the folder `new` at `target`, where there is nothing yet.
pub(crate) fn create(new: &Path, target: &Path) -> Result<(), SynthError> {
    fs::rename(new, target).map_err(io_error(target, "create the output folder"))
}

/// Puts the folder `new` in place of the folder `target`. The previous
/// output ends at `new` after an exchange, at `previous` after two renames.
/// On error, `target` is as it was.
pub(crate) fn replace(new: &Path, target: &Path, previous: &Path) -> Result<(), SynthError> {
    #[cfg(target_os = "linux")]
    if exchange(new, target).map_err(io_error(target, "replace the output folder"))? {
        return Ok(());
    }
    fs::rename(target, previous).map_err(io_error(target, "move the previous output aside"))?;
    fault::stop_at(Step::BetweenRenames);
    if let Err(source) = fs::rename(new, target) {
        return Err(match fs::rename(previous, target) {
            Ok(()) => SynthError::Io { path: target.to_owned(), action: "replace the output folder", source },
            Err(_) => {
                SynthError::Io { path: previous.to_owned(), action: "move back the previous output, kept in", source }
            }
        });
    }
    Ok(())
}

/// Exchanges the folders `a` and `b` in one step; `false`, with nothing
/// changed, where the filesystem cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    if fault::exchange_forbidden() {
        return Ok(false);
    }
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(errno) => Err(errno.into()),
    }
}
