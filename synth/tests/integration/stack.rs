//! Several pipelines in one template: a `Stack` is written as one folder
//! with one template, its pipelines' other files in folders inside it, and
//! an entry of its own in the manifest.

use std::fs;

use pipewright_dsl::prelude::*;
use pipewright_dsl::stack::Stack;
use pipewright_dsl::template::{Parameter, Resource};
use pipewright_synth::{Format, Synth, SynthError};
use serde_json::{json, Value};

/// A pipeline of `branch`, storing artifacts in the bucket `bucket` names.
fn branch_pipeline(branch: &str, bucket: Str) -> Pipeline {
    Pipeline::build(format!("app-{branch}"), |p| {
        p.region("us-east-1");
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3(bucket));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", branch)));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "app-build", source.artifact()));
        });
    })
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_stack_writes_its_pipelines_into_one_template() {
    let bucket = Parameter::string("ArtifactBucket").default_value("app-artifacts");
    let topic = Resource::new("Alerts", "AWS::SNS::Topic", json!({}));
    let stack = Stack::new("app-branches")
        .parameter(bucket.clone())
        .resource(topic)
        .pipeline(branch_pipeline("main", "app-main-artifacts".into()))
        .pipeline(branch_pipeline("develop", bucket.reference()));
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let report = Synth::new(&out).add_stack(&stack).write().unwrap();
    assert_eq!(report.pipelines, 2);

    let template = read_json(&out.join("app-branches/template.json"));
    assert_eq!(template["Parameters"], json!({"ArtifactBucket": {"Type": "String", "Default": "app-artifacts"}}));
    let resources: Vec<&String> = template["Resources"].as_object().unwrap().keys().collect();
    assert_eq!(resources, ["AppMainPipeline", "AppDevelopPipeline", "Alerts"]);
    assert_eq!(template["Resources"]["AppDevelopPipeline"]["Properties"]["Name"], "app-develop");
    assert!(out.join("app-branches/app-main/pipeline.json").is_file());
    assert!(!out.join("app-branches/app-main/template.json").exists());
    let not_written: Vec<&str> = report.not_written.iter().map(|file| file.path.as_str()).collect();
    assert_eq!(not_written, ["app-branches/app-develop/pipeline.json"]);

    let manifest = read_json(&out.join("manifest.json"));
    assert_eq!(
        manifest["stacks"],
        json!([{
            "name": "app-branches",
            "folder": "app-branches",
            "pipelines": ["app-branches/app-main", "app-branches/app-develop"],
            "files": [{
                "path": "app-branches/template.json",
                "kind": "template",
                "account": "123456789012",
                "region": "us-east-1",
                "artifact": "app-branches-template",
                "parameters": [{"name": "ArtifactBucket", "from": "default", "default": "app-artifacts"}]
            }],
            "deploy": [{
                "order": 1,
                "file": "app-branches/template.json",
                "account": "123456789012",
                "region": "us-east-1",
                "command": "aws cloudformation deploy --region us-east-1 --template-file app-branches/template.json \
                            --stack-name app-branches --parameter-overrides ArtifactBucket=app-artifacts --no-fail-on-empty-changeset"
            }]
        }])
    );
    assert_eq!(manifest["pipelines"][1]["folder"], "app-branches/app-develop");
    assert_eq!(manifest["pipelines"][1]["deploy"]["cloudformation"], json!([]));
    assert_eq!(
        manifest["artifacts"]["app-branches-template"],
        json!({
            "type": "aws:cloudformation:stack",
            "environment": "aws://123456789012/us-east-1",
            "displayName": "app-branches/template",
            "properties": {"templateFile": "app-branches/template.json", "stackName": "app-branches"}
        }),
        "the stack's template is a stack of the cloud assembly too"
    );
}

#[test]
fn a_stack_template_is_checked_as_a_whole() {
    let shared = Parameter::string("ArtifactBucket");
    let stack = Stack::new("app-branches")
        .parameter(shared.clone())
        .pipeline(branch_pipeline("main", shared.reference()))
        .pipeline(branch_pipeline("develop", cfn::reference("OtherBucket")));
    let parent = tempfile::tempdir().unwrap();
    let error = Synth::new(parent.path().join("out")).add_stack(&stack).write().unwrap_err();
    let SynthError::Invalid(findings) = error else { panic!("expected validation errors, got {error}") };
    let printed: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(printed.len(), 1, "{printed:?}");
    assert!(
        printed[0].starts_with(
            "error[template-reference-undeclared]: stack \"app-branches\" > template > \
             Resources.AppDevelopPipeline.Properties.ArtifactStore.Location: Ref refers to \"OtherBucket\""
        ),
        "{}",
        printed[0]
    );
}

#[test]
fn a_stack_name_must_be_a_stack_name_and_a_free_folder() {
    let alone = branch_pipeline("main", "app-artifacts".into());
    let badly_named = Stack::new("2 branches").pipeline(branch_pipeline("develop", "app-artifacts".into()));
    let taken = Stack::new("app-main").pipeline(branch_pipeline("release", "app-artifacts".into()));
    let parent = tempfile::tempdir().unwrap();
    let error = Synth::new(parent.path().join("out"))
        .add(&alone)
        .add_stack(&badly_named)
        .add_stack(&taken)
        .write()
        .unwrap_err();
    let SynthError::Invalid(findings) = error else { panic!("expected validation errors, got {error}") };
    let printed: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        printed,
        [
            "error[stack-name]: stack \"2 branches\": \"2 branches\" is not a stack name: a letter, then up to 127 \
             letters, digits and '-'",
            "error[stack-name]: stack \"app-main\": the folder \"app-main\" is already another stack's or pipeline's: \
             rename the stack",
        ]
    );
}

/// cfn-lint from the validate-outputs virtualenv, or on the PATH; `None`
/// when neither has it.
fn cfn_lint() -> Option<std::path::PathBuf> {
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/validate-outputs/venv/bin/cfn-lint");
    if venv.is_file() {
        return Some(venv);
    }
    let found = std::process::Command::new("cfn-lint").arg("--version").output().ok()?;
    found.status.success().then(|| "cfn-lint".into())
}

#[test]
fn cfn_lint_accepts_a_stack_with_parameters_companion_resources_and_two_pipelines() {
    let Some(cfn_lint) = cfn_lint() else {
        eprintln!("cfn-lint is not installed (scripts/validate-outputs installs it): not checked");
        return;
    };
    let bucket = Resource::new("Artifacts", "AWS::S3::Bucket", json!({}));
    let role = Resource::new(
        "PipelineRole",
        "AWS::IAM::Role",
        json!({"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ]}}),
    );
    let policy = pipewright_dsl::template::IamPolicy::new(
        "PipelinePolicy",
        cfn::sub("${AWS::StackName}-pipelines"),
        json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": {"Fn::Sub": "${Artifacts.Arn}/*"}}
        ]}),
    )
    .role(role.reference());
    let project = Parameter::string("Project").default_value("app-build").description("The CodeBuild project");
    let pipeline = |branch: &str| {
        Pipeline::build(cfn::sub(&format!("${{AWS::StackName}}-{branch}")), |p| {
            p.region("us-east-1");
            p.logical_id(format!("{}Pipeline", branch.to_uppercase()));
            p.role_arn(role.get_att("Arn")).depends_on("PipelinePolicy");
            p.artifact_store(ArtifactStore::s3(bucket.reference()));
            let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", branch)));
            p.stage("Build", |s| {
                s.add(CodeBuild::new("Build", project.reference(), source.artifact()));
            });
        })
    };
    let stack = Stack::new("app-branches")
        .parameter(project.clone())
        .resource(bucket.clone())
        .resource(role.clone())
        .resource(policy)
        .pipeline(pipeline("main"))
        .pipeline(pipeline("develop"));
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    for format in [Format::Json, Format::Yaml] {
        Synth::new(&out).add_stack(&stack).format(format).write().unwrap();
        let template = out.join(format!("app-branches/template.{}", format.extension()));
        let lint = std::process::Command::new(&cfn_lint).arg(&template).output().unwrap();
        assert!(
            lint.status.success(),
            "cfn-lint on {}:\n{}{}",
            template.display(),
            String::from_utf8_lossy(&lint.stdout),
            String::from_utf8_lossy(&lint.stderr)
        );
    }
}

#[test]
fn a_yaml_stack_is_deployed_by_the_cdk_cli_after_its_pipelines_support_stacks() {
    let generated = Pipeline::build("app-main", |p| {
        p.region("us-east-1");
        p.account("123456789012").region("eu-west-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "app-build", source.artifact()));
        });
    });
    let stack = Stack::new("app-branches").pipeline(generated);
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    Synth::new(&out).format(Format::Yaml).add_stack(&stack).write().unwrap();

    let twin = read_json(&out.join("app-branches/template.json"));
    let yaml: Value = serde_yaml::from_slice(&fs::read(out.join("app-branches/template.yaml")).unwrap()).unwrap();
    assert_eq!(twin, yaml, "the JSON twin holds the YAML template's values");

    let manifest = read_json(&out.join("manifest.json"));
    let files = &manifest["stacks"][0]["files"];
    assert_eq!(files[1]["path"], "app-branches/template.json");
    assert_eq!(files[1]["jsonTwinOf"], "app-branches/template.yaml");
    let artifact = &manifest["artifacts"][files[0]["artifact"].as_str().unwrap()];
    assert_eq!(artifact["properties"]["templateFile"], "app-branches/template.json");
    assert_eq!(
        artifact["dependencies"],
        json!(["app-branches-app-main-support-123456789012-eu-west-1"]),
        "the pipeline's role and bucket exist before the stack that uses them"
    );
}
