//! Findings as a JSON array, one object per finding.

use pipewright_dsl::Severity;
use serde_json::{json, Value};

use super::Finding;

/// `[{"rule": ..., "severity": "error", "location": ..., "message": ...,
/// "file": ...}]`; `file` only for findings of files read.
pub(super) fn document(findings: &[&Finding<'_>]) -> Value {
    Value::Array(
        findings
            .iter()
            .map(|finding| {
                let violation = finding.violation;
                let mut object = json!({
                    "rule": violation.rule.code(),
                    "severity": severity_name(violation.severity()),
                    "location": violation.location.to_string(),
                    "message": violation.message,
                });
                if let (Some(file), Value::Object(fields)) = (finding.file, &mut object) {
                    fields.insert("file".to_owned(), Value::from(file));
                }
                object
            })
            .collect(),
    )
}

/// `error` or `warning`.
pub(super) fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
