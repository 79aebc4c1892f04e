//! What a CloudFormation logical id may be.

/// The longest logical id CloudFormation accepts.
pub const LOGICAL_ID_MAX_CHARS: usize = 255;

/// Whether `id` can be a logical id: 1 to 255 ASCII letters and digits.
///
/// ```
/// use pipewright_dsl::template::is_logical_id;
///
/// assert!(is_logical_id("Pipeline2"));
/// assert!(!is_logical_id("my-pipeline"));
/// assert!(!is_logical_id(""));
/// ```
pub fn is_logical_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= LOGICAL_ID_MAX_CHARS && id.chars().all(|c| c.is_ascii_alphanumeric())
}
