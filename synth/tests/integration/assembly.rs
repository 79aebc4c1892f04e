//! The output folder: what is written, and that a failed synth writes nothing
//! and leaves the previous output exactly as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use pipewright_dsl::prelude::*;
use pipewright_dsl::template::Resource;
use pipewright_synth::{Synth, SynthError};

fn pipeline(name: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.disable_inbound_transition("Frozen until release");
            s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
        });
    })
}

/// A pipeline that breaks a rule: it has no service role.
fn without_role(name: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.region("us-east-1");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    })
}

/// The role `cfn::get_att("PipelineRole", "Arn")` refers to, so that the
/// template is self-contained.
fn pipeline_role() -> Resource {
    Resource::new(
        "PipelineRole",
        "AWS::IAM::Role",
        serde_json::json!({"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}),
    )
}

/// Every file below `dir` with its bytes, by path relative to `dir`.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                files.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn writes_one_folder_per_pipeline_and_the_manifest() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let (app, api) = (pipeline("app"), pipeline("api"));
    let report = Synth::new(&out).add(&app).add(&api).write().unwrap();

    let files: Vec<String> = tree(&out).into_keys().collect();
    assert_eq!(
        files,
        ["api/pipeline.json", "api/template.json", "app/pipeline.json", "app/template.json", "manifest.json"]
    );
    let written = ["app/pipeline.json", "app/template.json", "api/pipeline.json", "api/template.json", "manifest.json"];
    assert_eq!(report.files, written.map(|file| out.join(file)));
    assert_eq!(report.to_string(), format!("wrote 5 files for 2 pipelines to {}/", out.display()));
    assert_eq!(names(parent.path()), ["out"], "no staging folder is left behind");

    let manifest: serde_json::Value = serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["generator"], "pipewright");
    assert_eq!(manifest["pipelines"][0]["name"], "app");
    assert_eq!(
        manifest["pipelines"][0]["files"],
        serde_json::json!([
            {"path": "app/pipeline.json", "kind": "pipeline-json", "account": "123456789012", "region": "us-east-1"},
            {
                "path": "app/template.json",
                "kind": "template",
                "account": "123456789012",
                "region": "us-east-1",
                "artifact": "app-template"
            }
        ])
    );
    assert_eq!(
        manifest["pipelines"][0]["deploy"]["cloudformation"],
        serde_json::json!([{
            "order": 1,
            "file": "app/template.json",
            "account": "123456789012",
            "region": "us-east-1",
            "command": "aws cloudformation deploy --region us-east-1 --template-file app/template.json --stack-name app \
                        --no-fail-on-empty-changeset"
        }])
    );
    assert_eq!(
        manifest["pipelines"][0]["deploy"]["awsCli"],
        serde_json::json!([
            {
                "order": 1,
                "file": "app/pipeline.json",
                "account": "123456789012",
                "region": "us-east-1",
                "command": "aws codepipeline create-pipeline --region us-east-1 --cli-input-json file://app/pipeline.json",
                "updateCommand": "aws codepipeline update-pipeline --region us-east-1 \
                                  --cli-input-json file://app/pipeline.json"
            },
            {
                "order": 1,
                "account": "123456789012",
                "region": "us-east-1",
                "command": "aws codepipeline disable-stage-transition --region us-east-1 --pipeline-name app \
                            --stage-name Deploy --transition-type Inbound --reason 'Frozen until release'"
            }
        ])
    );
}

#[test]
fn a_second_synth_replaces_the_previous_output() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let (app, api) = (pipeline("app"), pipeline("api"));
    Synth::new(&out).add(&app).add(&api).write().unwrap();
    Synth::new(&out).add(&api).write().unwrap();
    assert_eq!(tree(&out).into_keys().collect::<Vec<_>>(), ["api/pipeline.json", "api/template.json", "manifest.json"]);
    assert_eq!(names(parent.path()), ["out"]);
}

#[test]
fn a_validation_failure_reports_every_violation_and_leaves_the_output_untouched() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let app = pipeline("app");
    Synth::new(&out).add(&app).write().unwrap();
    let before = tree(&out);

    let (broken, other_broken, duplicate) = (without_role("broken"), without_role("other"), pipeline("app"));
    let error = Synth::new(&out).add(&app).add(&broken).add(&other_broken).add(&duplicate).write().unwrap_err();

    let SynthError::Invalid(findings) = &error else { panic!("expected validation errors, got {error}") };
    let findings: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        findings,
        [
            "error[role-required]: pipeline \"broken\": the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`",
            "error[role-required]: pipeline \"other\": the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`",
            "error[pipeline-name-unique]: pipeline \"app\": two pipelines have this name; names are unique per account and Region and each names its output folder: rename one of them",
        ]
    );
    assert!(error.to_string().ends_with("\n3 errors, 0 warnings: nothing was written"), "{error}");
    assert_eq!(tree(&out), before, "the previous output is byte-for-byte unchanged");
    assert_eq!(names(parent.path()), ["out"]);
}

#[test]
fn a_validation_failure_creates_no_output_folder() {
    let parent = tempfile::tempdir().unwrap();
    let broken = without_role("broken");
    assert!(matches!(Synth::new(parent.path().join("out")).add(&broken).write(), Err(SynthError::Invalid(_))));
    assert!(names(parent.path()).is_empty());
}

#[test]
fn a_pipeline_name_that_cannot_name_a_folder_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    let (dot, manifest) = (pipeline(".."), pipeline("manifest.json"));
    let error = Synth::new(parent.path().join("out")).add(&dot).add(&manifest).write().unwrap_err();
    let SynthError::Invalid(findings) = error else { panic!("expected validation errors") };
    assert_eq!(
        findings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "error[pipeline-name-folder]: pipeline \"..\": \"..\" cannot name the pipeline's output folder (it is `.`, `..` or the manifest): rename the pipeline",
            "error[pipeline-name-folder]: pipeline \"manifest.json\": \"manifest.json\" cannot name the pipeline's output folder (it is `.`, `..` or the manifest): rename the pipeline",
        ]
    );
}

#[test]
fn a_folder_synth_did_not_write_is_never_replaced() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let app = pipeline("app");
    let error = Synth::new(&out).add(&app).write().unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: the folder is not empty and holds no manifest.json of an earlier synth, so synth will not replace \
             it: move its contents elsewhere, or choose another output folder (--out)",
            out.display()
        )
    );
    assert_eq!(tree(&out).into_iter().collect::<Vec<_>>(), [("notes.txt".to_owned(), b"mine".to_vec())]);
    assert_eq!(names(parent.path()), ["out"]);
}

#[test]
fn an_output_path_below_a_file_is_an_io_error_that_writes_nothing() {
    let parent = tempfile::tempdir().unwrap();
    fs::write(parent.path().join("file"), "x").unwrap();
    let app = pipeline("app");
    let error = Synth::new(parent.path().join("file/out")).add(&app).write().unwrap_err();
    let SynthError::Io { path, action, .. } = &error else { panic!("expected an I/O error, got {error}") };
    assert_eq!((path.as_path(), *action), (parent.path().join("file/out").as_path(), "read"));
    assert_eq!(tree(parent.path()).into_iter().collect::<Vec<_>>(), [("file".to_owned(), b"x".to_vec())]);
}

#[test]
fn a_pipeline_with_expressions_gets_no_pipeline_json_and_the_manifest_says_why() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let pipeline = Pipeline::build("app", |p| {
        p.region("us-east-1");
        p.role_arn(cfn::get_att("PipelineRole", "Arn")).resource(pipeline_role());
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    });
    let report = Synth::new(&out).add(&pipeline).write().unwrap();
    assert!(!out.join("app/pipeline.json").exists());
    assert!(out.join("app/template.json").is_file());
    let reason = "pipeline.roleArn holds the CloudFormation expression !GetAtt PipelineRole.Arn, \
                  which pipeline.json cannot hold: deploy this pipeline with its CloudFormation template \
                  (template.json or template.yaml), or give the field a literal value";
    assert_eq!(report.not_written.len(), 1);
    assert_eq!(
        (report.not_written[0].path.as_str(), report.not_written[0].reason.as_str()),
        ("app/pipeline.json", reason)
    );
    let manifest: serde_json::Value = serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["pipelines"][0]["notWritten"],
        serde_json::json!([{"path": "app/pipeline.json", "reason": reason}])
    );
    assert_eq!(manifest["pipelines"][0]["deploy"]["awsCli"], serde_json::json!([]));
}

#[test]
fn rules_that_cannot_be_written_for_the_cli_stay_in_the_template() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let pipeline = Pipeline::build("app", |p| {
        p.region("us-east-1").role_arn(cfn::get_att("PipelineRole", "Arn")).resource(pipeline_role());
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
        p.start_on_change("my-repo-main", &source);
    });
    let report = Synth::new(&out).add(&pipeline).write().unwrap();
    assert_eq!(tree(&out).into_keys().collect::<Vec<_>>(), ["app/template.json", "manifest.json"]);
    let not_written: Vec<(&str, &str)> =
        report.not_written.iter().map(|file| (file.path.as_str(), file.reason.as_str())).collect();
    let needs_account = "the pipeline's ARN needs its account, which is read from the pipeline's roleArn; that must \
                         then be a literal IAM role ARN (arn:aws:iam::<account>:role/<name>), found \
                         !GetAtt PipelineRole.Arn";
    assert_eq!(
        not_written[1..],
        [
            (
                "app/events/start-pipeline.role.json",
                format!("pipeline \"app\" > generated events role: {needs_account}").as_str()
            ),
            (
                "app/events/my-repo-main.json",
                format!(
                    "pipeline \"app\" > event rule \"my-repo-main\": the repository's ARN is written like the \
                     pipeline's, and {needs_account}"
                )
                .as_str()
            ),
        ]
    );
    let template: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("app/template.json")).unwrap()).unwrap();
    assert_eq!(template["Resources"]["AppPipelineMyRepoMainEventRule"]["Type"], "AWS::Events::Rule");
}
