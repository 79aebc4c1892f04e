//! Formatting the generated code with `rustfmt` from PATH.
//!
//! The generator writes valid but unindented code and leaves layout to
//! rustfmt, the formatter every Rust user has; without it the code is
//! returned as written (still valid) and the caller says so.

use std::io::Write;
use std::process::{Command, Stdio};

/// `code` formatted by `rustfmt --edition 2021` with its default style, or
/// why it could not be.
pub(super) fn rustfmt(code: &str) -> Result<String, String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        // Run outside any project, so its rustfmt.toml does not apply.
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run rustfmt ({error}); the code is written unformatted"))?;
    let mut stdin = child.stdin.take().ok_or("rustfmt took no input")?;
    let code = code.to_owned();
    // Feed stdin from another thread so a large output cannot block both ends.
    let feeder = std::thread::spawn(move || stdin.write_all(code.as_bytes()));
    let output = child.wait_with_output().map_err(|error| format!("rustfmt failed ({error})"))?;
    let fed = feeder.join().map_err(|_| "rustfmt's input could not be written".to_owned())?;
    fed.map_err(|error| format!("rustfmt's input could not be written ({error})"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt refused the code ({}); it is written unformatted",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "rustfmt wrote text that is not UTF-8".to_owned())
}
