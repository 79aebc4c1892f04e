//! AWS Elastic Beanstalk: `Deploy / AWS / ElasticBeanstalk / 1`.

use super::{artifacts, ConfigKey, ProviderDescription};
use crate::model::ActionCategory;

/// `Deploy / AWS / ElasticBeanstalk / 1`: an application version to an
/// environment.
pub static ELASTIC_BEANSTALK: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "ElasticBeanstalk", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[ConfigKey::required("ApplicationName"), ConfigKey::required("EnvironmentName")]);
