//! Every pipeline of the origin document, as pipewright code.
//!
//! ```sh
//! cargo run --example seed -- synth --out out
//! ```
//!
//! `out/my-pipeline/pipeline.json` is the document's "Basic Pipeline",
//! field for field. The other pipelines hold every other fragment of the
//! document: each source and deploy configuration, the manual approval
//! stage, the parallel Test stage, the pipeline variables, an action's
//! output variable in `EnvironmentVariables`, the cross-Region artifact
//! stores and the cross-account action.

use pipewright::prelude::*;

/// The service role every seed pipeline uses.
const ROLE: &str = "arn:aws:iam::123456789012:role/CodePipelineRole";

/// The Region every seed pipeline is created in.
const REGION: &str = "us-east-1";

/// The "Basic Pipeline": a connection source, a CodeBuild build and an ECS
/// deploy. Each stage has one action, so no `runOrder` is written. Its
/// notification rule is the document's `create-notification-rule` example.
pub fn basic() -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        p.region(REGION).role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeStarConnectionSource::new("SourceAction", "arn:aws:codestar-connections:...", "user/repo", "main")
                    .output_name("SourceOutput"),
            )
        });
        let build = p.stage("Build", |s| {
            s.add(CodeBuild::new("BuildAction", "my-build-project", source.artifact()).output("BuildOutput"))
        });
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("DeployAction", "my-cluster", "my-service", build.artifact()));
        });
        p.notify(
            NotificationRule::new(
                "pipeline-notifications",
                [PipelineEvent::PipelineExecutionFailed, PipelineEvent::PipelineExecutionSucceeded],
            )
            .detail_type(DetailType::Full)
            .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:notifications")),
        );
    })
}

/// A web application: the connection source with its optional settings and
/// the namespace `SourceVariables`, the commit id passed to the build, the
/// parallel Test stage, the manual approval, and CloudFormation and S3
/// deploys. Declares the pipeline variable `ENVIRONMENT`.
pub fn web_app() -> Pipeline {
    Pipeline::build("web-app", |p| {
        p.region(REGION).role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("web-app-artifacts"));
        let environment = p.variable("ENVIRONMENT", "dev");
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeStarConnectionSource::new(
                    "SourceAction",
                    "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
                    "user/repo",
                    "main",
                )
                .output_artifact_format(OutputArtifactFormat::CodeZip)
                .detect_changes(true)
                .namespace("SourceVariables")
                .output_name("SourceOutput"),
            )
        });
        let build = p.stage("Build", |s| {
            s.add(
                CodeBuild::new("BuildAction", "my-build-project", source.artifact())
                    .environment_variables([EnvVar::plaintext("COMMIT_ID", source.vars().commit_id())])
                    .output("BuildOutput"),
            )
        });
        let built = build.artifact();
        p.stage("Test", |s| {
            s.add(CodeBuild::test("UnitTests", "unit-tests", built));
            s.add(CodeBuild::test("IntegrationTests", "integration-tests", built));
            s.add(CodeBuild::test("SecurityScan", "security-scan", built));
        });
        p.stage("Approval", |s| {
            s.add(
                ManualApproval::new("ManualApproval")
                    .notification_arn("arn:aws:sns:us-east-1:123456789012:approvals")
                    .custom_data("Please review the deployment")
                    .external_entity_link("https://example.com/review"),
            );
        });
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "DeployStack",
                    "my-stack",
                    built.path("template.yaml"),
                    "arn:aws:iam::123456789012:role/CloudFormationRole",
                )
                .template_configuration(built.path("config.json"))
                .capabilities(&[Capability::Iam])
                .parameter_overrides([("Environment", Text::from(environment))]),
            );
            s.add(
                S3Deploy::extract("DeployWebsite", "my-website-bucket", built)
                    .cache_control("max-age=31536000")
                    .canned_acl(CannedAcl::PublicRead),
            );
        });
    })
}

/// A container service: a CodeCommit source and an ECR image, a build that
/// writes the image definitions, and an ECS deploy that names the file. The
/// document's EventBridge rule starts it on pushes to `main`, so the
/// CodeCommit source stops polling.
pub fn container_app() -> Pipeline {
    Pipeline::build("container-app", |p| {
        p.region(REGION).role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("container-app-artifacts"));
        let (code, image) = p.source_stage("Source", |s| {
            let code = s.add(CodeCommitSource::new("Code", "my-repo", "main"));
            let image = s.add(EcrSource::new("Image", "my-app").image_tag("latest"));
            (code, image.artifact())
        });
        p.start_on_change("my-repo-main", &code);
        let code = code.artifact();
        let build = p.stage("Build", |s| {
            s.add(
                CodeBuild::new("ImageDefinitions", "image-definitions", code)
                    .input(image)
                    .primary_source(code)
                    .output("BuildOutput"),
            )
        });
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new(
                "DeployAction",
                "my-cluster",
                "my-service",
                build.artifact().path("imagedefinitions.json"),
            ));
        });
    })
}

/// A function: an S3 source (polling off) and a Lambda deploy.
pub fn function_app() -> Pipeline {
    Pipeline::build("function-app", |p| {
        p.region(REGION).role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("function-app-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(S3Source::new("Source", "my-source-bucket", "source.zip").poll_for_source_changes(false))
        });
        p.stage("Deploy", |s| {
            s.add(
                LambdaDeploy::new("Deploy", "my-function", source.artifact()).s3_code("my-artifacts", "function.zip"),
            );
        });
    })
}

/// A cross-Region, cross-account pipeline: artifact stores in us-east-1 and
/// us-west-2 with customer-managed KMS keys, and a CloudFormation deploy
/// run in account 987654321098 with that account's roles; the deployment
/// role there gets the managed policies it deploys the stack with.
pub fn cross_account() -> Pipeline {
    Pipeline::build("cross-account-app", |p| {
        p.region(REGION).role_arn(ROLE);
        p.deployment_role_permissions(
            "arn:aws:iam::987654321098:role/CrossAccountDeployRole",
            DeploymentRolePermissions::managed_policies(["arn:aws:iam::aws:policy/AWSCloudFormationFullAccess"]),
        );
        p.artifact_store_in(
            "us-east-1",
            ArtifactStore::s3("pipeline-artifacts-us-east-1")
                .with_kms_key("arn:aws:kms:us-east-1:123456789012:key/abc123"),
        );
        p.artifact_store_in(
            "us-west-2",
            ArtifactStore::s3("pipeline-artifacts-us-west-2")
                .with_kms_key("arn:aws:kms:us-west-2:123456789012:key/def456"),
        );
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Source", "my-repo", "main")));
        let build = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-build-project", source.artifact()).output("BuildOutput"))
        });
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "CrossAccountDeploy",
                    "my-stack",
                    build.artifact().path("template.yaml"),
                    "arn:aws:iam::987654321098:role/CrossAccountDeployRole",
                )
                .capabilities(&[Capability::Iam])
                .role_arn("arn:aws:iam::987654321098:role/CrossAccountAssumeRole")
                .region("us-east-1"),
            );
        });
    })
}

/// Every seed pipeline, the basic one first.
pub fn pipelines() -> Vec<Pipeline> {
    vec![basic(), web_app(), container_app(), function_app(), cross_account()]
}

fn main() -> std::process::ExitCode {
    App::new().pipelines(pipelines()).run()
}
