//! The template readers' limits: the format is decided once, nesting and
//! aliases are bounded, and a pipeline the readers cannot see is reported.

use std::time::{Duration, Instant};

use pipewright_dsl::model::cloudformation::{parse_template, parse_template_as, read_template, TemplateFormat};
use pipewright_dsl::model::ReadError;

#[test]
fn a_json_template_that_fails_is_not_read_again_as_yaml() {
    // `{a: 1}` is a YAML flow mapping, but the text starts like JSON.
    let error = parse_template("{a: 1}").unwrap_err();
    assert_eq!(error.to_string(), "line 1, column 2: key must be a string");
    // Told it is YAML, it is YAML.
    assert_eq!(parse_template_as("{a: 1}", TemplateFormat::Yaml).unwrap(), serde_json::json!({"a": 1}));
}

#[test]
fn deep_nesting_fails_in_linear_time_in_both_formats() {
    for count in [10_000, 100_000, 1_000_000] {
        let text = "{\"a\":".repeat(count);
        for format in [TemplateFormat::Json, TemplateFormat::Yaml] {
            let started = Instant::now();
            let error = parse_template_as(&text, format).unwrap_err();
            assert!(started.elapsed() < Duration::from_millis(500), "{count} {format:?}: {:?}", started.elapsed());
            assert!(error.to_string().contains("nested deeper than 128 levels"), "{error}");
        }
    }
}

#[test]
fn a_repeated_key_in_a_json_template_is_an_error() {
    let error =
        parse_template(r#"{"Resources": {"P": {"Type": "A", "Properties": {"Name": "a", "Name": "b"}}}}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 1, column 68: the key `Name` appears twice in the object at Resources.P.Properties; keep one"
    );
}

#[test]
fn aliases_that_expand_past_the_limit_are_an_error_that_says_so() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in 'b'..='i' {
        text.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{previous}"); 9].join(", ")));
        previous = name;
    }
    let started = Instant::now();
    let error = parse_template(&text).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    assert!(error.to_string().starts_with(".: the aliases (`*name`) expand to too many values"), "{error}");
}

#[test]
fn aliases_nesting_past_the_limit_are_an_error() {
    let mut text = String::from("a0: &a0 [x]\n");
    for level in 1..200 {
        text.push_str(&format!("a{level}: &a{level} [*a{}]\n", level - 1));
    }
    let error = parse_template(&text).unwrap_err();
    assert!(error.to_string().contains("nested deeper than 128 levels"), "{error}");
}

#[test]
fn read_template_refuses_a_pipeline_inside_for_each() {
    let text = "Resources:\n  Fn::ForEach::Envs:\n    - Env\n    - [Dev, Prod]\n    - ${Env}Pipeline:\n        \
                Type: AWS::CodePipeline::Pipeline\n        Properties: {RoleArn: r, Stages: []}\n";
    let error = read_template(text).unwrap_err();
    let ReadError::Shape { path, message } = error else { panic!("{error:?}") };
    assert_eq!(path, "Resources.Fn::ForEach::Envs");
    assert!(message.contains("inside `Fn::ForEach` cannot be checked"), "{message}");
    // A ForEach of other resources is no pipeline, and no error.
    let other = text.replace("AWS::CodePipeline::Pipeline", "AWS::S3::Bucket");
    assert_eq!(read_template(&other).unwrap(), []);
}
