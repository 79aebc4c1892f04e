//! Alexa Skills Kit: `Deploy / ThirdParty / AlexaSkillsKit / 1`.

use super::{artifacts, ConfigKey, ProviderDescription};
use crate::model::{ActionCategory, ActionOwner};

/// `Deploy / ThirdParty / AlexaSkillsKit / 1`: a skill package to an Alexa
/// skill, with Login with Amazon credentials (`ClientSecret` and
/// `RefreshToken` are secrets). A second input may hold parameter
/// overrides for the skill manifest. Third-party: it takes no role and no
/// Region, so it needs no AWS permissions.
pub static ALEXA_SKILLS_KIT: ProviderDescription = ProviderDescription::new(
    ActionOwner::ThirdParty,
    &[ActionCategory::Deploy],
    "AlexaSkillsKit",
    artifacts(1, 2),
    artifacts(0, 0),
)
.configuration(&[
    ConfigKey::required("ClientId"),
    ConfigKey::required("ClientSecret"),
    ConfigKey::required("RefreshToken"),
    ConfigKey::required("SkillId"),
]);
