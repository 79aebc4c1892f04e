//! Self-contained templates: a pipeline named by an expression, whose bucket,
//! role and settings are parameters and companion resources of its own
//! template; a pipeline that CloudFormation names; and a stack of two
//! pipelines, one per branch, sharing one template.
//!
//! ```sh
//! cargo run --example 08_template_parameters -- synth --out out --format yaml
//! ```
//!
//! writes `out/Pipeline/template.yaml` and `out/Nightly/template.yaml` (each
//! folder named after the pipeline's logical id, since neither has a literal
//! name), `out/branches/template.yaml` with both branch pipelines, and
//! `out/manifest.json`, whose deploy commands pass the parameters. None gets
//! a `pipeline.json`: the API needs literal names and values.

use pipewright::prelude::*;
use pipewright::stack::Stack;
use pipewright::template::{IamPolicy, Parameter, Resource};
use serde_json::json;

/// The role CodePipeline assumes, the policy it needs (which the pipeline
/// waits for) and the artifact bucket, as companion resources.
fn role_bucket_and_policy(p: &mut PipelineBuilder<'_>, prefix: &str) {
    let bucket = Resource::new(
        format!("{prefix}Artifacts"),
        "AWS::S3::Bucket",
        json!({
            "VersioningConfiguration": {"Status": "Enabled"},
            "BucketEncryption": {"ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
            ]},
            "PublicAccessBlockConfiguration": {
                "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true
            }
        }),
    )
    .metadata(json!({"checkov": {"skip": [{
        "id": "CKV_AWS_18",
        "comment": "Access logs need a bucket of their own; the pipeline's executions record who wrote which artifact"
    }]}}));
    let role = Resource::new(
        format!("{prefix}Role"),
        "AWS::IAM::Role",
        json!({"AssumeRolePolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}]
        }}),
    );
    let policy = IamPolicy::new(
        format!("{prefix}Policy"),
        cfn::sub(&format!("${{AWS::StackName}}-{prefix}")),
        json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:GetBucketVersioning"], "Resource": [
                bucket.get_att("Arn"), {"Fn::Sub": format!("${{{prefix}Artifacts.Arn}}/*")}
            ]},
            {"Effect": "Allow", "Action": ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive",
                "codecommit:GetUploadArchiveStatus"], "Resource": "*"},
            {"Effect": "Allow", "Action": ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], "Resource": "*"}
        ]}),
    )
    .role(role.reference());
    p.artifact_store(ArtifactStore::s3(bucket.reference()));
    p.role_arn(role.get_att("Arn"));
    p.depends_on(format!("{prefix}Policy"));
    p.resource(bucket).resource(role).resource(policy);
}

/// A pipeline named after its stack, building the branch and project the
/// stack's parameters name.
pub fn release() -> Pipeline {
    Pipeline::build(cfn::sub("${AWS::StackName}-release"), |p| {
        p.logical_id("Pipeline").region("us-east-1");
        let repository = p.parameter(Parameter::string("RepositoryName").description("The CodeCommit repository"));
        let branch = p.parameter(Parameter::string("Branch").default_value("main"));
        p.parameter(
            Parameter::string("Env")
                .default_value("dev")
                .allowed_values(["dev", "prod"])
                .description("The environment the pipeline builds for"),
        );
        role_bucket_and_policy(p, "Release");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", repository, branch)));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", cfn::sub("${Env}-build"), source.artifact()));
        });
    })
}

/// A pipeline CloudFormation names: its template has no `Name`.
pub fn nightly() -> Pipeline {
    Pipeline::unnamed("Nightly", |p| {
        p.region("us-east-1");
        role_bucket_and_policy(p, "Nightly");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Test", |s| {
            s.add(CodeBuild::new("Test", "nightly-tests", source.artifact()));
        });
    })
}

/// Both pipelines, each in a template of its own.
pub fn pipelines() -> Vec<Pipeline> {
    vec![release(), nightly()]
}

/// One stack, a pipeline per branch: the pipelines share the stack's
/// `Project` parameter, and each brings its own bucket, role and policy.
pub fn branches() -> Stack {
    let project = Parameter::string("Project").default_value("app-build").description("The CodeBuild project");
    let branch = |branch: &str, prefix: &str| {
        Pipeline::build(cfn::sub(&format!("${{AWS::StackName}}-{branch}")), |p| {
            p.logical_id(format!("{prefix}Pipeline")).region("us-east-1");
            role_bucket_and_policy(p, prefix);
            let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", branch)));
            p.stage("Build", |s| {
                s.add(CodeBuild::new("Build", project.reference(), source.artifact()));
            });
        })
    };
    Stack::new("branches")
        .parameter(project.clone())
        .pipeline(branch("main", "Main"))
        .pipeline(branch("develop", "Develop"))
}

fn main() -> std::process::ExitCode {
    App::new().pipelines(pipelines()).stack(branches()).run()
}
