//! Stopping the writer at a chosen step, for the crash tests.
//!
//! Only with the test-only feature `fault-injection`: the writer then aborts
//! the process at the step named by the environment variable
//! `PIPEWRIGHT_FAULT_STOP_AT`, as a `kill -9` or a power cut would stop it,
//! and swaps with two renames instead of an exchange when
//! `PIPEWRIGHT_FAULT_NO_EXCHANGE` is set. Without the feature every function
//! here does nothing.

/// A step of the write at which the crash tests stop the process.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Step {
    /// `staging-partly-written`: the staging folder holds the first file and
    /// not yet the others.
    StagingPartlyWritten,
    /// `staging-complete`: every file is written and synced; the output
    /// folder is untouched.
    StagingComplete,
    /// `between-renames`: on the two-rename path, the previous output is
    /// moved aside and the new one is not yet in its place.
    BetweenRenames,
    /// `swapped`: the new output is in place; the previous one and leftovers
    /// are not yet removed.
    Swapped,
}

/// The environment variable that names the step to stop at.
#[cfg(feature = "fault-injection")]
const STOP_AT: &str = "PIPEWRIGHT_FAULT_STOP_AT";

/// The environment variable that forces the two-rename swap.
#[cfg(all(feature = "fault-injection", target_os = "linux"))]
const NO_EXCHANGE: &str = "PIPEWRIGHT_FAULT_NO_EXCHANGE";

#[cfg(feature = "fault-injection")]
impl Step {
    /// The step's name in `PIPEWRIGHT_FAULT_STOP_AT`.
    fn name(self) -> &'static str {
        match self {
            Step::StagingPartlyWritten => "staging-partly-written",
            Step::StagingComplete => "staging-complete",
            Step::BetweenRenames => "between-renames",
            Step::Swapped => "swapped",
        }
    }
}

/// Aborts the process when `PIPEWRIGHT_FAULT_STOP_AT` names `step`.
pub(crate) fn stop_at(step: Step) {
    #[cfg(feature = "fault-injection")]
    if std::env::var(STOP_AT).is_ok_and(|name| name == step.name()) {
        std::process::abort();
    }
    #[cfg(not(feature = "fault-injection"))]
    let _ = step;
}

/// Whether the swap must take the two-rename path even where the filesystem
/// can exchange.
#[cfg(target_os = "linux")]
pub(crate) fn exchange_forbidden() -> bool {
    #[cfg(feature = "fault-injection")]
    return std::env::var_os(NO_EXCHANGE).is_some();
    #[cfg(not(feature = "fault-injection"))]
    false
}
