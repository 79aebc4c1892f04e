//! Reading a file that is a regular file and not too large: a FIFO, a
//! device or a folder is refused before it is opened (a FIFO would block,
//! `/dev/zero` would fill the memory), and at most one byte more than the
//! limit is read, whatever size the file system reports.

use std::fs::{self, File, FileType, OpenOptions};
use std::io::{self, Read};
#[cfg(unix)]
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum FileRefused {
    /// The system refused: missing, no permission, a loop of links.
    Io(io::Error),
    /// A folder, a FIFO, a device or a socket.
    NotARegularFile(&'static str),
    /// Longer than the limit (in bytes).
    TooLarge,
}

/// The bytes of the regular file at `path` (links followed), if it holds at
/// most `max_bytes` bytes.
pub(crate) fn read_regular_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, FileRefused> {
    let metadata = fs::metadata(path).map_err(FileRefused::Io)?;
    check_regular(metadata.file_type())?;
    let file = open_without_blocking(path).map_err(FileRefused::Io)?;
    // The path may have been replaced between the two looks.
    let metadata = file.metadata().map_err(FileRefused::Io)?;
    check_regular(metadata.file_type())?;
    // The reported size may refuse a file at once; it never admits one, as
    // the file may grow while it is read.
    if metadata.len() > max_bytes {
        return Err(FileRefused::TooLarge);
    }
    let expected = metadata.len().min(max_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(FileRefused::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(FileRefused::TooLarge);
    }
    Ok(bytes)
}

/// Opens for reading; on Unix with `O_NONBLOCK`, so that a FIFO put in the
/// file's place after the first look does not block the open (it has no
/// effect on a regular file).
fn open_without_blocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    options.custom_flags(libc::O_NONBLOCK);
    options.open(path)
}

fn check_regular(file_type: FileType) -> Result<(), FileRefused> {
    if file_type.is_file() {
        return Ok(());
    }
    Err(FileRefused::NotARegularFile(kind_of(file_type)))
}

/// What a file that is not a regular file is, for the message.
fn kind_of(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_of_exactly_the_limit_and_refuses_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_regular_file(&path, 10).unwrap(), b"0123456789");
        assert!(matches!(read_regular_file(&path, 9), Err(FileRefused::TooLarge)));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_growing_past_the_limit_while_read_is_refused() {
        // A regular file whose reported size (0) is not what is read.
        let path = Path::new("/proc/self/status");
        assert_eq!(fs::metadata(path).unwrap().len(), 0);
        assert!(matches!(read_regular_file(path, 10), Err(FileRefused::TooLarge)));
        assert!(read_regular_file(path, 1 << 20).unwrap().len() > 10);
    }

    #[test]
    fn a_folder_is_refused_before_it_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read_regular_file(dir.path(), 10), Err(FileRefused::NotARegularFile("a folder"))));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        assert!(matches!(read_regular_file(Path::new("/dev/zero"), 10), Err(FileRefused::NotARegularFile("a device"))));
    }

    #[test]
    fn a_missing_file_is_the_systems_error() {
        let dir = tempfile::tempdir().unwrap();
        let Err(FileRefused::Io(error)) = read_regular_file(&dir.path().join("missing"), 10) else { panic!() };
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }
}
