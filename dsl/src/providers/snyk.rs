//! Snyk: `Invoke / ThirdParty / Snyk / 1`, a partner's vulnerability scan.

use super::{artifacts, ProviderDescription};
use crate::model::{ActionCategory, ActionOwner};

/// Scans its input artifact for vulnerabilities and writes the results to
/// its output. Its settings are kept by Snyk when the action is connected in
/// the console, so the action has no configuration keys; AWS has removed it
/// from the newest action reference.
pub static SNYK: ProviderDescription = ProviderDescription::new(
    ActionOwner::ThirdParty,
    &[ActionCategory::Invoke],
    "Snyk",
    artifacts(1, 1),
    artifacts(1, 1),
);
