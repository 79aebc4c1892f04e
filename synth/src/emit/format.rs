//! How files are rendered: 2-space JSON or YAML, always newline-terminated
//! and in the key order of the value, so the same input gives the same bytes.

use serde::Serialize;

use super::EmitError;

/// The form of the CloudFormation templates `synth` writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// template.json
    #[default]
    Json,
    /// template.yaml
    Yaml,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }

    /// Renders a value in this form, ending in a newline.
    ///
    /// ```
    /// use pipewright_synth::emit::Format;
    ///
    /// let value = serde_json::json!({"Resources": {"A": {"Type": "AWS::SNS::Topic"}}});
    /// assert_eq!(Format::Json.render(&value).unwrap(), "{\n  \"Resources\": {\n    \"A\": {\n      \"Type\": \"AWS::SNS::Topic\"\n    }\n  }\n}\n");
    /// assert_eq!(Format::Yaml.render(&value).unwrap(), "Resources:\n  A:\n    Type: AWS::SNS::Topic\n");
    /// ```
    pub fn render(self, value: &impl Serialize) -> Result<String, EmitError> {
        match self {
            Format::Json => json_text(value),
            Format::Yaml => serde_yaml::to_string(value).map_err(|error| EmitError::Serialize(error.to_string())),
        }
    }
}

/// A value as pretty JSON with 2-space indentation and a final newline.
pub fn json_text(value: &impl Serialize) -> Result<String, EmitError> {
    let mut text = serde_json::to_string_pretty(value).map_err(|error| EmitError::Serialize(error.to_string()))?;
    text.push('\n');
    Ok(text)
}
