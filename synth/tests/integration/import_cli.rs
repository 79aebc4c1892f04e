//! `synth import` as a command: what it prints, writes and exits with.

use crate::standalone::synth;

fn fixture(name: &str) -> String {
    format!("{}/tests/data/import/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_program_uses_typed_actions_handles_and_typed_variable_reads() {
    let dir = tempfile::tempdir().unwrap();
    let (exit, code, stderr) = synth(&["import", &fixture("every-feature.json")], dir.path());
    assert_eq!(exit, 0, "{stderr}");
    assert!(code.contains("fn main() -> std::process::ExitCode {"), "{code}");
    assert!(code.contains("App::new().pipeline(every_feature()).run()"), "{code}");
    // Typed actions, artifacts as handles named after the artifact.
    assert!(code.contains(r#"CodeBuild::new("Build", "app-build", source_artifact)"#), "{code}");
    assert!(code.contains(".primary_source(source_artifact)"), "{code}");
    assert!(code.contains(r#"templates.path("stack.yaml")"#), "{code}");
    assert!(code.contains(r#"build_artifact.path("imagedefs.json")"#), "{code}");
    assert!(code.contains(".capabilities(&[Capability::Iam, Capability::NamedIam])"), "{code}");
    assert!(code.contains(r#".output_file_name("outputs.json")"#), "{code}");
    assert!(code.contains(r#".output_name("StackOutputs")"#), "{code}");
    assert!(
        code.contains(r#"Commands::new("#) && code.contains(r#".output_files("Package", ["dist/**/*"])"#),
        "{code}"
    );
    assert!(code.contains(r#".environment_variable("STAGE", &env)"#), "{code}");
    assert!(code.contains("CloudFormationDeploy::execute_change_set_with_role("), "{code}");
    // Variables: typed reads, the pipeline variable's handle, the execution ID.
    assert!(code.contains("checkout.vars().commit_id()"), "{code}");
    assert!(code.contains(r#"build.vars().get("IMAGE_TAG")"#), "{code}");
    assert!(code.contains("Text::from(&env)") && code.contains("Var::execution_id()"), "{code}");
    // The namespace the DSL derives (Build_Build) is not written; another one is.
    assert!(code.contains(r#".namespace("SourceVariables")"#) && !code.contains("Build_Build"), "{code}");
    // runOrder only where the derived one differs.
    assert!(
        code.contains(".run_order(2)") && code.contains(".run_order(4)") && !code.contains(".run_order(1)"),
        "{code}"
    );
    // The escape hatch only for custom providers, with the reason.
    assert_eq!(code.matches("GenericAction::new(").count() + code.matches("GenericSource::new(").count(), 2, "{code}");
    assert!(code.contains("// Custom provider Jenkins: pipewright has no typed action for it"), "{code}");
    // Its roles in account 210987654321 exist: no role template would be written for them.
    assert!(
        code.contains(
            "// The roles of the other accounts exist already; a role template would collide with them.\n        \
             p.target_account_roles(TargetAccountRoles::existing());"
        ),
        "{code}"
    );
    assert!(!stderr.contains("not reproduced"), "{stderr}");
}

#[test]
fn an_invalid_pipeline_is_written_with_its_findings_and_exits_with_1() {
    let dir = tempfile::tempdir().unwrap();
    let (exit, code, stderr) = synth(&["import", &fixture("invalid.json")], dir.path());
    assert_eq!(exit, 1, "{stderr}");
    let finding = "// error[input-artifact-unknown] pipeline \"invalid\" > stage \"Build\" > action";
    let at = code.find(finding).unwrap_or_else(|| panic!("{code}"));
    // The comment stands right above the action it concerns.
    let below = &code[at..];
    let action = below.find("GenericAction::new(").unwrap();
    assert_eq!(below[..action].matches("s.add(").count(), 1, "{code}");
    assert!(below[action..].split_whitespace().nth(1) == Some("\"Build\","), "{code}");
    assert!(stderr.contains("invalid.json: error[input-artifact-unknown]"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "not reproduced: {}: pipeline.stages[1].actions[0].inputArtifacts[1]: artifact Missing comes from no \
             earlier action",
            fixture("invalid.json")
        )),
        "{stderr}"
    );
    assert!(code.contains("// AWS provider ServiceCatalog (Deploy): the import table has no typed action"), "{code}");
}

#[test]
fn with_out_each_file_is_written_and_function_writes_no_main() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("src/pipelines");
    let (exit, stdout, stderr) = synth(
        &[
            "import",
            "--function",
            "--out",
            out.to_str().unwrap(),
            &fixture("every-feature.json"),
            &fixture("invalid.json"),
        ],
        dir.path(),
    );
    assert_eq!(exit, 1, "{stderr}");
    assert!(stdout.contains("wrote") && stdout.contains("every_feature.rs"), "{stdout}");
    let code = std::fs::read_to_string(out.join("every_feature.rs")).unwrap();
    assert!(code.contains("pub fn pipelines() -> Vec<Pipeline> {\n    vec![every_feature()]\n}"), "{code}");
    assert!(!code.contains("fn main"), "{code}");
    assert!(out.join("invalid.rs").is_file());
}

#[test]
fn help_explains_import_with_examples_and_a_missing_file_exits_with_3() {
    let dir = tempfile::tempdir().unwrap();
    let (exit, help, _) = synth(&["import", "--help"], dir.path());
    assert_eq!(exit, 0);
    assert!(help.contains("synth import my-pipeline.json > src/main.rs"), "{help}");
    assert!(help.contains("--function") && help.contains("--out <DIR>"), "{help}");
    let (exit, code, stderr) = synth(&["import", "missing.json"], dir.path());
    assert_eq!((exit, code.as_str()), (3, ""), "{stderr}");
    assert!(stderr.contains("missing.json: cannot read the file"), "{stderr}");
}

#[test]
fn the_readme_shows_what_import_writes_for_the_seed() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let (_, code, stderr) = synth(&["import", "--function", "tests/data/seed/basic-pipeline.json"], root.as_ref());
    assert!(!stderr.contains("note:"), "rustfmt did not format the code: {stderr}");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let section = &readme[readme.find("### Import an existing pipeline").unwrap()..];
    let shown = &section[section.find("```rust\n").unwrap() + "```rust\n".len()..];
    let shown = &shown[..shown.find("# assert_eq!").unwrap()];
    let written = &code[code.find("use pipewright").unwrap()..];
    assert!(written.starts_with(shown), "README excerpt:\n{shown}\nwritten:\n{written}");
}

#[test]
fn without_rustfmt_the_code_is_written_indented_and_a_note_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_synth"))
        .args(["import", &fixture("every-feature.json")])
        .env("PATH", dir.path())
        .output()
        .unwrap();
    let (code, stderr) = (String::from_utf8(output.stdout).unwrap(), String::from_utf8(output.stderr).unwrap());
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("note: cannot run rustfmt"), "{stderr}");
    assert!(stderr.contains("the code is written unformatted"), "{stderr}");
    // Still the same program, indented by its nesting.
    assert!(code.contains("\n    Pipeline::build(\"every-feature\", |p| {\n        p.role_arn("), "{code}");
    assert!(code.contains("\n            s.add(ManualApproval::new(\"Approve\")"), "{code}");
}

#[test]
fn a_templates_parameters_conditions_and_rules_are_imported_and_the_rest_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (exit, code, stderr) = synth(&["import", &fixture("template-surroundings.yaml")], dir.path());
    assert_eq!(exit, 0, "{stderr}");
    assert!(code.contains("use pipewright::events::{EventPattern, RuleState};"), "{code}");
    assert!(code.contains(r#"p.parameter(Parameter::string("AlertTopicArn"));"#), "{code}");
    // A condition the pipeline uses is a handle; the others are declared only.
    assert!(
        code.contains(r#"let is_prod = p.condition("IsProd", cfn::equals(cfn::reference("Environment"), "prod"));"#),
        "{code}"
    );
    assert!(code.contains(r#"is_prod.then("app-build-prod").otherwise("app-build")"#), "{code}");
    assert!(code.contains("s.when(&is_prod);") && code.contains(".when(&is_not_prod)"), "{code}");
    assert!(code.contains("p.condition(\n            \"Always\",\n            cfn::or(["), "{code}");
    assert!(code.contains(r#"p.logical_id("Pipeline");"#), "{code}");
    assert!(code.contains("p.start_on_event(") && code.contains("EventPattern::custom(serde_json::json!({"), "{code}");
    assert!(code.contains(r#"p.start_on_schedule("surroundings-nightly", Schedule::cron("0 3 * * ? *"))"#), "{code}");
    assert!(code.contains("p.on_event(") && code.contains(r#".target_id("alerts")"#), "{code}");
    assert!(code.contains("p.notify(") && code.contains("PipelineEvent::ManualApprovalNeeded"), "{code}");
    let file = fixture("template-surroundings.yaml");
    for line in [
        format!("not imported: {file}: Outputs: a template section"),
        format!("not imported: {file}: Resources.BuildLogs: AWS::Logs::LogGroup"),
        format!("not reproduced: {file} > Pipeline: Parameters.Token.MinLength: "),
        format!("not reproduced: {file} > Pipeline: Resources.Failures.Properties.EventBusName: "),
    ] {
        assert!(stderr.lines().any(|printed| printed.starts_with(&line)), "{line}\n{stderr}");
    }
    assert_eq!(stderr.lines().count(), 4, "{stderr}");
}

#[test]
fn an_empty_list_of_disabled_transitions_is_imported_as_the_call_that_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.yaml");
    std::fs::write(
        &template,
        "Resources:\n  Pipeline:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: p\n      \
         RoleArn: arn:aws:iam::123456789012:role/R\n      ArtifactStore: {Type: S3, Location: b}\n      Stages: []\n      \
         DisableInboundStageTransitions: []\n",
    )
    .unwrap();
    let (_, code, stderr) = synth(&["import", template.to_str().unwrap()], dir.path());
    assert!(code.contains("p.write_empty_disabled_transitions();\n"), "{code}\n{stderr}");
}
