//! The names of the generated support resources. They are derived from the
//! pipeline's name, account and Region only, so every ARN is known before
//! anything is deployed (the API form of the pipeline needs literal ARNs)
//! and the same pipeline gets the same names from one synth to the next.
//!
//! A name that would pass its service's length limit keeps as much of the
//! pipeline's name as fits and ends with 8 hex digits of a hash of the whole
//! name, so two long names that share a beginning stay apart.

/// IAM role names have at most 64 characters.
const ROLE_NAME_MAX: usize = 64;
/// S3 bucket names have at most 63 characters.
const BUCKET_NAME_MAX: usize = 63;
/// KMS alias names have at most 256 characters, `alias/` included.
const ALIAS_NAME_MAX: usize = 256;

/// `<pipeline>-pipeline-role`: IAM role names take every character a
/// pipeline name may hold.
///
/// ```
/// use pipewright_dsl::support::role_name;
///
/// assert_eq!(role_name("web-app"), "web-app-pipeline-role");
/// assert_eq!(role_name(&"x".repeat(100)).len(), 64);
/// ```
pub fn role_name(pipeline: &str) -> String {
    fitted(pipeline, "-pipeline-role", ROLE_NAME_MAX)
}

/// `<pipeline>-artifacts-<account>-<region>`, in lower case with every
/// character S3 does not take in a bucket name (`_`, `@`, `.`) turned into
/// `-`: bucket names are global, the account and Region keep them apart.
///
/// ```
/// use pipewright_dsl::support::bucket_name;
///
/// assert_eq!(bucket_name("Web_App", "123456789012", "eu-west-1"), "web-app-artifacts-123456789012-eu-west-1");
/// assert!(bucket_name(&"a".repeat(100), "123456789012", "ap-southeast-2").len() <= 63);
/// ```
pub fn bucket_name(pipeline: &str, account: &str, region: &str) -> String {
    let base: String =
        pipeline.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let base = base.trim_matches('-');
    let base = if base.is_empty() { "pipeline" } else { base };
    fitted(base, &format!("-artifacts-{account}-{region}"), BUCKET_NAME_MAX)
}

/// `alias/<pipeline>-artifacts`, with every character an alias does not
/// take (`.`, `@`) turned into `-`.
///
/// ```
/// use pipewright_dsl::support::key_alias;
///
/// assert_eq!(key_alias("web.app"), "alias/web-app-artifacts");
/// ```
pub fn key_alias(pipeline: &str) -> String {
    let base: String =
        pipeline.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '_' | '-') { c } else { '-' }).collect();
    format!("alias/{}", fitted(&base, "-artifacts", ALIAS_NAME_MAX - "alias/".len()))
}

/// `base` followed by `suffix`; when that is longer than `max`, as much of
/// `base` as fits, `-`, 8 hex digits of the hash of `base`, then `suffix`.
fn fitted(base: &str, suffix: &str, max: usize) -> String {
    if base.len() + suffix.len() <= max {
        return format!("{base}{suffix}");
    }
    let hash = format!("{:08x}", fnv1a(base));
    let keep = max.saturating_sub(suffix.len() + hash.len() + 1);
    let kept = base[..keep.min(base.len())].trim_end_matches(['-', '.', '_']);
    format!("{kept}-{hash}{suffix}")
}

/// The 32-bit FNV-1a hash: stable across platforms and releases, which the
/// standard library's hasher does not promise.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// The partition of a Region: `aws-cn` for China, `aws-us-gov` for
/// GovCloud, `aws` elsewhere.
pub(crate) fn partition_of(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_that_share_a_beginning_stay_apart() {
        let first = role_name(&format!("{}-first", "a".repeat(70)));
        let second = role_name(&format!("{}-second", "a".repeat(70)));
        assert_ne!(first, second);
        assert_eq!((first.len(), second.len()), (64, 64));
        assert!(first.ends_with("-pipeline-role"), "{first}");
    }

    #[test]
    fn bucket_names_fit_s3_and_start_and_end_with_a_letter_or_digit() {
        let name = bucket_name("--Release@2024.v2--", "123456789012", "us-east-1");
        assert_eq!(name, "release-2024-v2-artifacts-123456789012-us-east-1");
        let long = bucket_name(&"b".repeat(100), "123456789012", "ap-southeast-2");
        assert_eq!(long.len(), 63);
        assert!(long.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{long}");
    }

    #[test]
    fn partitions_follow_the_region() {
        assert_eq!(
            [partition_of("cn-north-1"), partition_of("us-gov-west-1"), partition_of("eu-west-1")],
            ["aws-cn", "aws-us-gov", "aws"]
        );
    }
}
