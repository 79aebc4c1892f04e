//! Findings as a SARIF 2.1.0 log, the format code-scanning tools read.
//!
//! One run of the tool `pipewright`; its rules are every rule pipewright
//! checks ([`Rule::ALL`]), each with its code as id, its explanation as help
//! text and its severity as default level. A finding's
//! location is the file it was read from when there is one
//! (`artifactLocation.uri`; the readers keep no line numbers, so none is
//! given) and always the place in the pipeline as a logical location
//! (`pipeline "x" > stage "Build" > action "Unit"`).

use pipewright_dsl::Rule;
use serde_json::{json, Value};

use super::json::severity_name;
use super::Finding;

/// The schema the log names.
const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log of `findings`.
pub(super) fn document(findings: &[&Finding<'_>]) -> Value {
    let descriptors: Vec<Value> = Rule::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code(),
                "help": {"text": rule.explanation()},
                "defaultConfiguration": {"level": severity_name(rule.severity())},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|finding| {
            let violation = finding.violation;
            let mut location = json!({
                "logicalLocations": [{"fullyQualifiedName": violation.location.to_string()}],
            });
            if let (Some(file), Value::Object(fields)) = (finding.file, &mut location) {
                fields.insert("physicalLocation".to_owned(), json!({"artifactLocation": {"uri": file_uri(file)}}));
            }
            json!({
                "ruleId": violation.rule.code(),
                "ruleIndex": Rule::ALL.iter().position(|rule| *rule == violation.rule),
                "level": severity_name(violation.severity()),
                "message": {"text": violation.message},
                "locations": [location],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "pipewright",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": descriptors,
            }},
            "results": results,
        }],
    })
}

/// A file path as given on the command line, as a relative URI reference:
/// `\` becomes `/`, and characters a URI cannot hold are percent-encoded.
fn file_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:@!$&'()*+,;=".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::file_uri;

    #[test]
    fn a_path_becomes_a_uri_reference() {
        assert_eq!(file_uri("out/my app/pipeline.json"), "out/my%20app/pipeline.json");
        assert_eq!(file_uri(r"templates\ä#1.yaml"), "templates/%C3%A4%231.yaml");
    }
}
