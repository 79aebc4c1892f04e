//! The support emitter and what synth reports around it: the support
//! template of each Region (role, key, bucket and their policies), its
//! deploy step before the pipeline, and the warning about role names that
//! collide.

use pipewright_dsl::prelude::*;
use pipewright_synth::emit::support::emit;
use pipewright_synth::emit::FileKind;
use pipewright_synth::Synth;
use serde_json::{json, Value};

fn pipeline(name: &str, target_role: &str) -> Pipeline {
    let deployment_role = "arn:aws:iam::222222222222:role/DeploymentRole";
    Pipeline::build(name, |p| {
        p.account("111111111111").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        p.deployment_role_permissions(
            deployment_role,
            DeploymentRolePermissions::managed_policies(["arn:aws:iam::aws:policy/AmazonSNSFullAccess"]),
        );
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "app",
                    source.artifact().path("app.yaml"),
                    deployment_role,
                )
                .role_arn(target_role),
            );
        });
    })
}

#[test]
fn the_support_template_holds_the_role_the_key_and_the_locked_down_bucket() {
    let files = emit(&pipeline("app", "arn:aws:iam::222222222222:role/ActionRole")).unwrap();
    let [file] = &files[..] else { panic!("one Region: {files:?}") };
    assert_eq!(file.path, "support/111111111111-us-east-1.template.json");
    assert_eq!(file.kind, FileKind::SupportTemplate);
    let deploy = file.deploy.as_ref().unwrap();
    assert_eq!(
        deploy.command,
        "aws cloudformation deploy --region us-east-1 --stack-name app-support --template-file \
         support/111111111111-us-east-1.template.json --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset"
    );
    assert_eq!((deploy.account.as_deref(), deploy.order), (Some("111111111111"), 0));
    let template: Value = serde_json::from_str(&file.contents).unwrap();
    let resources = template["Resources"].as_object().unwrap();
    let types: Vec<(&str, &str)> =
        resources.iter().map(|(id, resource)| (id.as_str(), resource["Type"].as_str().unwrap())).collect();
    assert_eq!(
        types,
        [
            ("PipelineRole", "AWS::IAM::Role"),
            ("ArtifactKey", "AWS::KMS::Key"),
            ("ArtifactKeyAlias", "AWS::KMS::Alias"),
            ("ArtifactBucket", "AWS::S3::Bucket"),
            ("ArtifactBucketPolicy", "AWS::S3::BucketPolicy"),
        ]
    );
    assert!(template.get("Parameters").is_none(), "a stack without parameters deploys as written");
    let bucket = &resources["ArtifactBucket"]["Properties"];
    assert_eq!(bucket["BucketName"], "app-artifacts-111111111111-us-east-1");
    assert_eq!(bucket["VersioningConfiguration"], json!({"Status": "Enabled"}));
    assert_eq!(
        bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"],
        json!({"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Fn::GetAtt": ["ArtifactKey", "Arn"]}})
    );
    assert_eq!(
        bucket["PublicAccessBlockConfiguration"],
        json!({"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true})
    );
    let bucket_policy = &resources["ArtifactBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"];
    assert_eq!(bucket_policy[0]["Sid"], "DenyInsecureTransport");
    assert_eq!(bucket_policy[1]["Principal"], json!({"AWS": "arn:aws:iam::222222222222:root"}));
    let key = &resources["ArtifactKey"]["Properties"];
    assert_eq!(key["EnableKeyRotation"], true);
    assert_eq!(key["KeyPolicy"]["Statement"][2]["Sid"], "DecryptFrom222222222222");
    assert_eq!(resources["ArtifactKeyAlias"]["Properties"]["AliasName"], "alias/app-artifacts");
    let role = &resources["PipelineRole"]["Properties"];
    assert_eq!(role["RoleName"], "app-pipeline-role");
    assert_eq!(
        role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"],
        json!({"Service": "codepipeline.amazonaws.com"})
    );
}

#[test]
fn the_manifest_deploys_the_support_stack_before_the_pipeline_on_both_routes() {
    let app = pipeline("app", "arn:aws:iam::222222222222:role/ActionRole");
    let assembly = Synth::new("unused").add(&app).assemble().unwrap();
    let manifest: Value = serde_json::from_str(&assembly.files.last().unwrap().contents).unwrap();
    let entry = &manifest["pipelines"][0];
    let kinds: Vec<&str> =
        entry["files"].as_array().unwrap().iter().map(|file| file["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"support-template"), "{kinds:?}");
    for route in ["cloudformation", "awsCli"] {
        let steps = entry["deploy"][route].as_array().unwrap();
        let support = steps.iter().position(|step| step["file"] == "app/support/111111111111-us-east-1.template.json");
        let pipeline = steps.iter().position(|step| step["order"] == 1);
        assert!(support.unwrap() < pipeline.unwrap(), "{route}: {steps:#?}");
        assert!(
            steps.iter().all(|step| !step["command"].as_str().unwrap().starts_with("aws cloudformation deploy")
                || step["command"].as_str().unwrap().ends_with("--no-fail-on-empty-changeset")),
            "every stack deploy exits 0 when nothing changed: {steps:#?}"
        );
    }
}

#[test]
fn two_pipelines_creating_one_role_name_in_one_account_are_warned_about() {
    let first = pipeline("first", "arn:aws:iam::222222222222:role/ActionRole");
    let second = pipeline("second", "arn:aws:iam::222222222222:role/OtherActionRole");
    let warnings: Vec<String> = Synth::new("unused")
        .add(&first)
        .add(&second)
        .assemble()
        .unwrap()
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["warning[role-name-collision]: pipeline \"second\": the pipeline first also creates the role DeploymentRole in \
          account 222222222222; the second stack to deploy fails with EntityAlreadyExists: give one pipeline's action \
          or deployment role another name"]
    );
}
