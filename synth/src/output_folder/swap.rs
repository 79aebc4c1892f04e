//! Putting the new output folder in place of the previous one.
//!
//! On Linux, `renameat2(RENAME_EXCHANGE)` trades the two folders in one
//! step: the output path never lacks a complete folder. Where that is not
//! available (other systems, or a filesystem that answers `EINVAL`, `ENOSYS`
//! or `EOPNOTSUPP`), two renames do it: the previous output aside, then the
//! new one in, with a moment between them when the output path is empty.

use std::fs;
use std::io;
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
    match exchange(new, target) {
        Ok(Exchange::Done) => return Ok(()),
        Ok(Exchange::Unsupported) => {}
        Err(source) => {
            return Err(SynthError::Io { path: target.to_owned(), action: "replace the output folder", source })
        }
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

/// Whether an exchange happened.
enum Exchange {
    Done,
    /// The system or filesystem cannot exchange; nothing changed.
    Unsupported,
}

/// Exchanges the folders `a` and `b` in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<Exchange> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    if fault::exchange_forbidden() {
        return Ok(Exchange::Unsupported);
    }
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(Exchange::Done),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(Exchange::Unsupported),
        Err(errno) => Err(errno.into()),
    }
}

/// Exchanges the folders `a` and `b` in one step: not on this system.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<Exchange> {
    Ok(Exchange::Unsupported)
}
