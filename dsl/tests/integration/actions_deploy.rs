//! Deploy actions: the JSON each typed builder produces, against the AWS
//! action reference and the origin document's fragments.

use crate::support::{action_json, assert_contains, assert_reproduces, seed};
use pipewright_dsl::prelude::*;
use pipewright_dsl::StageBuilder;
use serde_json::json;

/// The deployment role of the CloudFormation actions.
const ROLE: &str = "arn:aws:iam::123456789012:role/CloudFormationRole";

/// A pipeline with a CodeCommit source, a build producing `BuildOutput`, and
/// a deploy stage holding what `deploy` adds.
fn with_build_output<F>(deploy: F) -> Pipeline
where
    F: for<'p> FnOnce(&mut StageBuilder<'p, '_>, Artifact<'p>),
{
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let build =
            p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact()).output("BuildOutput")));
        p.stage("Deploy", |s| deploy(s, build.artifact()));
    })
}

#[test]
fn cloudformation_create_update_reproduces_the_seed_and_wires_its_files() {
    let pipeline = with_build_output(|s, built| {
        s.add(
            CloudFormationDeploy::create_update(
                "Deploy",
                "my-stack",
                built.path("template.yaml"),
                "arn:aws:iam::123456789012:role/CloudFormationRole",
            )
            .template_configuration(built.path("config.json"))
            .capabilities(&[Capability::Iam]),
        );
    });
    let action = action_json(&pipeline, 2, 0);
    assert_reproduces(&action, &seed("deploy-cloudformation.json"));
    assert_eq!(action["inputArtifacts"], json!([{"name": "BuildOutput"}]));
}

#[test]
fn cloudformation_cross_account_reproduces_the_seed() {
    let pipeline = with_build_output(|s, built| {
        s.add(
            CloudFormationDeploy::create_update(
                "Deploy",
                "my-stack",
                built.path("template.yaml"),
                "arn:aws:iam::987654321098:role/CrossAccountDeployRole",
            )
            .role_arn("arn:aws:iam::987654321098:role/CrossAccountAssumeRole")
            .region("us-east-1"),
        );
    });
    assert_contains(&action_json(&pipeline, 2, 0), &seed("action-cross-account.json"));
}

#[test]
fn each_cloudformation_mode_carries_exactly_its_keys() {
    let pipeline = with_build_output(|s, built| {
        s.add(CloudFormationDeploy::replace_on_failure("Test", "test-stack", built.path("t.yaml"), ROLE));
        s.add(CloudFormationDeploy::delete_only("Delete", "test-stack", ROLE));
        s.add(CloudFormationDeploy::create_replace_change_set(
            "Plan",
            "stack",
            "change-set",
            built.path("t.yaml"),
            ROLE,
        ));
        s.add(CloudFormationDeploy::execute_change_set("Apply", "stack", "change-set"));
    });
    let configurations: Vec<_> =
        (0..4).map(|index| action_json(&pipeline, 2, index)["configuration"].clone()).collect();
    assert_eq!(
        configurations,
        [
            json!({
                "ActionMode": "REPLACE_ON_FAILURE",
                "StackName": "test-stack",
                "TemplatePath": "BuildOutput::t.yaml",
                "RoleArn": ROLE
            }),
            json!({"ActionMode": "DELETE_ONLY", "StackName": "test-stack", "RoleArn": ROLE}),
            json!({
                "ActionMode": "CHANGE_SET_REPLACE",
                "StackName": "stack",
                "ChangeSetName": "change-set",
                "TemplatePath": "BuildOutput::t.yaml",
                "RoleArn": ROLE
            }),
            json!({"ActionMode": "CHANGE_SET_EXECUTE", "StackName": "stack", "ChangeSetName": "change-set"}),
        ]
    );
    assert_eq!(action_json(&pipeline, 2, 1).get("inputArtifacts"), None);
    assert_eq!(action_json(&pipeline, 2, 3).get("inputArtifacts"), None);
}

#[test]
fn cloudformation_output_file_name_declares_one_artifact_and_overrides_order_the_reader() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let image = p.stage("Build", |s| s.add(CodeBuild::new("BuildImage", "image", source.artifact())));
        p.stage("Deploy", |s| {
            let infra = s.add(
                CloudFormationDeploy::create_update("DeployInfra", "infra", source.artifact().path("infra.yaml"), ROLE)
                    .capabilities(&[Capability::Iam, Capability::NamedIam, Capability::AutoExpand])
                    .parameter_overrides([("pApplicationImage", image.vars().get("IMAGE_URI"))])
                    .output_file_name("InfraStackOutput.json")
                    .output_name("InfraOutput"),
            );
            let [outputs] = infra.artifacts;
            s.add(
                CodeBuild::new("Configure", "configure", outputs)
                    .environment_variables([EnvVar::plaintext("TASKDEF_ARN", infra.vars().get("oTaskDefinitionArn"))]),
            );
        });
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "DeployInfra",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CloudFormation", "version": "1"},
            "runOrder": 1,
            "configuration": {
                "ActionMode": "CREATE_UPDATE",
                "StackName": "infra",
                "TemplatePath": "CheckoutOutput::infra.yaml",
                "Capabilities": "CAPABILITY_IAM,CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND",
                "ParameterOverrides": "{\"pApplicationImage\":\"#{Build_BuildImage.IMAGE_URI}\"}",
                "OutputFileName": "InfraStackOutput.json",
                "RoleArn": ROLE
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "InfraOutput"}],
            "namespace": "Deploy_DeployInfra"
        })
    );
    assert_eq!(action_json(&pipeline, 1, 0)["namespace"], "Build_BuildImage");
    let configure = action_json(&pipeline, 2, 1);
    assert_eq!(configure["runOrder"], 2);
    assert_eq!(configure["inputArtifacts"], json!([{"name": "InfraOutput"}]));
}

#[test]
fn cloudformation_files_from_two_artifacts_wire_both() {
    let pipeline = Pipeline::build("p", |p| {
        let [code, config] = p.source_stage("Source", |s| {
            [
                s.add(CodeCommitSource::new("App", "app", "main")).artifact(),
                s.add(S3Source::new("Config", "bucket", "config.zip")).artifact(),
            ]
        });
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationDeploy::create_update("Deploy", "stack", code.path("template.yaml"), ROLE)
                    .template_configuration(config.path("prod.json")),
            )
        });
    });
    let action = action_json(&pipeline, 1, 0);
    assert_eq!(action["configuration"]["TemplateConfiguration"], "ConfigOutput::prod.json");
    assert_eq!(action["inputArtifacts"], json!([{"name": "AppOutput"}, {"name": "ConfigOutput"}]));
}

#[test]
fn ecs_deploy_reproduces_the_seed_with_a_named_file() {
    let pipeline = with_build_output(|s, built| {
        s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", built.path("imagedefinitions.json")));
    });
    let action = action_json(&pipeline, 2, 0);
    assert_reproduces(&action, &seed("deploy-ecs.json"));
    assert_eq!(action["inputArtifacts"], json!([{"name": "BuildOutput"}]));
}

#[test]
fn ecs_deploy_of_an_artifact_leaves_the_default_file_name_out() {
    let pipeline = with_build_output(|s, built| {
        s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", built).deployment_timeout(45));
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Deploy",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "ECS", "version": "1"},
            "configuration": {"ClusterName": "my-cluster", "ServiceName": "my-service", "DeploymentTimeout": "45"},
            "inputArtifacts": [{"name": "BuildOutput"}]
        })
    );
}

#[test]
fn lambda_deploy_reproduces_the_seed_s3_keys() {
    let pipeline = with_build_output(|s, built| {
        s.add(LambdaDeploy::new("Deploy", "my-function", built).s3_code("my-artifacts", "function.zip"));
    });
    assert_reproduces(&action_json(&pipeline, 2, 0), &seed("deploy-lambda.json"));
}

#[test]
fn lambda_deploy_shifts_an_alias_with_a_strategy_and_alarms() {
    let pipeline = with_build_output(|s, built| {
        s.add(
            LambdaDeploy::new("Deploy", "my-function", built)
                .function_alias("live")
                .deploy_strategy(LambdaDeployStrategy::Linear { percent: 10, every_minutes: 1 })
                .alarms(&["errors", "latency"]),
        );
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Deploy",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "Lambda", "version": "1"},
            "configuration": {
                "FunctionName": "my-function",
                "FunctionAlias": "live",
                "DeployStrategy": "Linear10PercentEvery1Minute",
                "Alarms": "errors,latency"
            },
            "inputArtifacts": [{"name": "BuildOutput"}]
        })
    );
}

#[test]
fn lambda_deploy_of_a_published_version_takes_no_input() {
    let pipeline = Pipeline::build("p", |p| {
        let version = p.variable("lambdaTargetVersion", "1");
        p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| s.add(LambdaDeploy::published_version("Promote", "my-function", "live", version)));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Promote",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "Lambda", "version": "1"},
            "configuration": {
                "FunctionName": "my-function",
                "FunctionAlias": "live",
                "PublishedTargetVersion": "#{variables.lambdaTargetVersion}"
            }
        })
    );
}

#[test]
fn lambda_deploy_exposes_the_function_version() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let deploy = p.stage("Deploy", |s| s.add(LambdaDeploy::new("Deploy", "f", source.artifact())));
        assert_eq!(deploy.vars().function_version().to_string(), "#{Deploy_Deploy.FunctionVersion}");
    });
}

#[test]
fn s3_deploy_reproduces_the_seed() {
    let pipeline = with_build_output(|s, built| {
        s.add(
            S3Deploy::extract("Deploy", "my-website-bucket", built)
                .cache_control("max-age=31536000")
                .canned_acl(CannedAcl::PublicRead),
        );
    });
    assert_reproduces(&action_json(&pipeline, 2, 0), &seed("deploy-s3.json"));
}

#[test]
fn s3_deploy_of_one_object_writes_its_key_encryption_key_and_acl() {
    let pipeline = with_build_output(|s, built| {
        s.add(
            S3Deploy::object("Archive", "archive-bucket", Var::execution_id(), built)
                .kms_encryption_key_arn("arn:aws:kms:us-east-1:123456789012:key/abcd")
                .canned_acl(CannedAcl::LogDeliveryWrite),
        );
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Archive",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "S3", "version": "1"},
            "configuration": {
                "BucketName": "archive-bucket",
                "Extract": "false",
                "ObjectKey": "#{codepipeline.PipelineExecutionId}",
                "KMSEncryptionKeyARN": "arn:aws:kms:us-east-1:123456789012:key/abcd",
                "CannedACL": "log-delivery-write"
            },
            "inputArtifacts": [{"name": "BuildOutput"}]
        })
    );
}

#[test]
fn every_canned_acl_is_written_as_s3_spells_it() {
    let written: Vec<&str> = CannedAcl::ALL.iter().map(|acl| acl.as_str()).collect();
    assert_eq!(
        written,
        [
            "private",
            "public-read",
            "public-read-write",
            "authenticated-read",
            "aws-exec-read",
            "bucket-owner-read",
            "bucket-owner-full-control",
            "log-delivery-write",
        ]
    );
}

#[test]
fn elastic_beanstalk_deploy() {
    let pipeline = with_build_output(|s, built| {
        s.add(ElasticBeanstalkDeploy::new("Deploy", "my-app", "my-app-prod", built));
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Deploy",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "ElasticBeanstalk", "version": "1"},
            "configuration": {"ApplicationName": "my-app", "EnvironmentName": "my-app-prod"},
            "inputArtifacts": [{"name": "BuildOutput"}]
        })
    );
}

#[test]
fn codedeploy_to_ec2_instances() {
    let pipeline = with_build_output(|s, built| {
        s.add(CodeDeploy::new("Deploy", "my-app", "my-fleet", built).region("eu-west-1"));
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Deploy",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CodeDeploy", "version": "1"},
            "configuration": {"ApplicationName": "my-app", "DeploymentGroupName": "my-fleet"},
            "inputArtifacts": [{"name": "BuildOutput"}],
            "region": "eu-west-1"
        })
    );
}

#[test]
fn codedeploy_to_ecs_blue_green_with_settings_from_stack_outputs() {
    let pipeline = Pipeline::build("p", |p| {
        let (code, image) = p.source_stage("Source", |s| {
            (
                s.add(CodeCommitSource::new("Source", "repo", "main")).artifact(),
                s.add(EcrSource::new("ApplicationImage", "app").output_name("ApplicationImage")).artifact(),
            )
        });
        let infra = p.stage("DeployInfra", |s| {
            s.add(
                CloudFormationDeploy::create_update("DeployInfra", "infra", code.path("infra.yaml"), ROLE)
                    .namespace("DeployInfraVariables"),
            )
        });
        let [config] = p.stage("Prepare", |s| {
            s.add(CodeBuild::new("Prepare", "prepare", code).output("CodeDeployConfig")).artifacts
        });
        p.stage("StartBlueGreenDeploy", |s| {
            s.add(
                CodeDeployToEcs::new(
                    "StartApplicationDeploy",
                    infra.vars().get("oCodeDeployAppName"),
                    infra.vars().get("oDeploymentGroupName"),
                    config.path("taskdef.json"),
                    config.path("appspec.yml"),
                )
                .image(image, "IMAGE1_NAME"),
            )
        });
    });
    assert_eq!(
        action_json(&pipeline, 3, 0),
        json!({
            "name": "StartApplicationDeploy",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CodeDeployToECS", "version": "1"},
            "configuration": {
                "ApplicationName": "#{DeployInfraVariables.oCodeDeployAppName}",
                "DeploymentGroupName": "#{DeployInfraVariables.oDeploymentGroupName}",
                "TaskDefinitionTemplateArtifact": "CodeDeployConfig",
                "TaskDefinitionTemplatePath": "taskdef.json",
                "AppSpecTemplateArtifact": "CodeDeployConfig",
                "AppSpecTemplatePath": "appspec.yml",
                "Image1ArtifactName": "ApplicationImage",
                "Image1ContainerName": "IMAGE1_NAME"
            },
            "inputArtifacts": [{"name": "CodeDeployConfig"}, {"name": "ApplicationImage"}]
        })
    );
    assert_eq!(action_json(&pipeline, 1, 0)["namespace"], "DeployInfraVariables");
}

#[test]
fn codedeploy_to_ecs_takes_four_images_from_default_files() {
    let pipeline = Pipeline::build("p", |p| {
        let [code, a, b, c, d] = p.source_stage("Source", |s| {
            [
                s.add(CodeCommitSource::new("Code", "repo", "main")).artifact(),
                s.add(EcrSource::new("A", "a")).artifact(),
                s.add(EcrSource::new("B", "b")).artifact(),
                s.add(EcrSource::new("C", "c")).artifact(),
                s.add(EcrSource::new("D", "d")).artifact(),
            ]
        });
        p.stage("Deploy", |s| {
            s.add(
                CodeDeployToEcs::new("Deploy", "app", "group", code, code)
                    .image(a, "A")
                    .image(b, "B")
                    .image(c, "C")
                    .image(d, "D"),
            )
        });
    });
    let action = action_json(&pipeline, 1, 0);
    assert_eq!(
        action["configuration"],
        json!({
            "ApplicationName": "app",
            "DeploymentGroupName": "group",
            "TaskDefinitionTemplateArtifact": "CodeOutput",
            "AppSpecTemplateArtifact": "CodeOutput",
            "Image1ArtifactName": "AOutput",
            "Image1ContainerName": "A",
            "Image2ArtifactName": "BOutput",
            "Image2ContainerName": "B",
            "Image3ArtifactName": "COutput",
            "Image3ContainerName": "C",
            "Image4ArtifactName": "DOutput",
            "Image4ContainerName": "D"
        })
    );
    assert_eq!(
        action["inputArtifacts"],
        json!([{"name": "CodeOutput"}, {"name": "AOutput"}, {"name": "BOutput"}, {"name": "COutput"}, {"name": "DOutput"}])
    );
}
