//! The exit codes of the `synth` command lines.

/// How a `synth` command ended; the process exits with [`Exit::code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: done, no errors (warnings may have been printed).
    Success,
    /// 1: a pipeline or input file has errors; nothing was written.
    Invalid,
    /// 2: the command line is wrong (unknown option, unknown pipeline name).
    Usage,
    /// 3: a file or folder could not be read or written.
    Io,
}

impl Exit {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Invalid => 1,
            Exit::Usage => 2,
            Exit::Io => 3,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}

/// The exit codes as help text, a literal for `concat!`.
macro_rules! exit_codes_help {
    () => {
        "Exit codes:
  0  done (warnings may have been printed)
  1  a pipeline or input file has errors; nothing was written
  2  the command line is wrong (unknown option, unknown pipeline name)
  3  a file or folder could not be read or written"
    };
}
pub(crate) use exit_codes_help;
