//! `11-codedeploy-ecs-bluegreen-namespaces.yaml`: an application and its
//! image built, the infrastructure template validated, packaged and
//! deployed, its outputs (read as variables of the deploy action's
//! namespace) handed to a build that writes the CodeDeploy files, and a
//! blue/green ECS deployment of the image. An EventBridge rule starts the
//! pipeline on pushes to `main`.

use pipewright::prelude::*;

use super::{codecommit_push, companions, parameters, Companion};

/// `<pApplicationName>-<suffix>`.
fn named(suffix: &str) -> Str {
    cfn::sub(&format!("${{pApplicationName}}-{suffix}"))
}

/// The pipeline resource `rAppPipeline` and the rule that starts it.
pub fn pipeline() -> Pipeline {
    Pipeline::build(named("pipeline"), |p| {
        p.logical_id("rAppPipeline");
        parameters(p, &["pApplicationName"]);
        companions(
            p,
            &[
                Companion::Role("rCloudFormationServiceRole", "cloudformation"),
                Companion::Role("rCloudWatchEventRole", "events"),
                Companion::Repository("rCodeCommitRepo"),
                Companion::Bucket("rCodePipelineArtifactBucket"),
                Companion::Role("rCodePipelineServiceRole", "codepipeline"),
            ],
        );
        p.role_arn(cfn::get_att("rCodePipelineServiceRole", "Arn"));
        p.artifact_store(ArtifactStore::s3(cfn::reference("rCodePipelineArtifactBucket")));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeCommitSource::new("ApplicationSource", cfn::get_att("rCodeCommitRepo", "Name"), "main")
                    .poll_for_source_changes(false)
                    .output_name("Source")
                    .run_order(1),
            )
        });
        // `arn:aws:<service>:<region>:<account>:<resource>`, as the template joins it.
        let arn = |service: &str, resource: Str| {
            cfn::join(
                "",
                [
                    format!("arn:aws:{service}:").into(),
                    cfn::reference("AWS::Region"),
                    ":".into(),
                    cfn::reference("AWS::AccountId"),
                    ":".into(),
                    resource,
                ],
            )
        };
        let repository_arn = arn("codecommit", cfn::get_att("rCodeCommitRepo", "Name"));
        p.start_on_event("codecommit-main", codecommit_push(repository_arn, "main"))
            .named_by_cloudformation()
            .without_state()
            .pipeline_arn(arn("codepipeline", cfn::reference("rAppPipeline")))
            .target_id("codepipeline-AppPipeline")
            .role_arn(cfn::get_att("rCloudWatchEventRole", "Arn"));
        let image = p.stage("Build", |s| {
            let application = s.add(
                CodeBuild::new("ApplicationBuild", named("appbuild"), source.artifact()).output("ApplicationBuild"),
            );
            s.add(
                CodeBuild::new("BuildDockerImage", named("appimage"), application.artifact())
                    .output("ApplicationImage")
                    .namespace("BuildImageVariables"),
            )
        });
        let packaged = p.stage("ValidateAndPackageIaC", |s| {
            s.add(
                CodeBuild::new("ValidateAndPackageCFN", named("CFNValidateAndPackage"), source.artifact())
                    .output("PackagedCFNOutput")
                    .run_order(1),
            )
        });
        let infrastructure = p.stage("DeployAppInfrastructure", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "CreateOrUpdateAppInfrastructure",
                    named("infra-stack"),
                    packaged.artifact().path("iac/app/ecs-bg-packaged.yaml"),
                    cfn::get_att("rCloudFormationServiceRole", "Arn"),
                )
                .capabilities(&[Capability::NamedIam])
                .template_configuration(packaged.artifact().path("iac/app/params/ecs-bg-params.json"))
                .parameter_overrides([("pApplicationImage", image.vars().get("IMAGE_URI"))])
                .output_file_name("InfraStackOutput.json")
                .output_name("DeployAppInfraOutput")
                .namespace("DeployInfraVariables")
                .run_order(1),
            )
        });
        let outputs = infrastructure.vars();
        let config = p.stage("BuildCodeDeployArtifacts", |s| {
            s.add(
                CodeBuild::new("BuildCodeDeployArtifacts", named("CodeDeployConfigBuild"), source.artifact())
                    .environment_variables([
                        EnvVar::plaintext("TASKDEF_ARN", outputs.get("oTaskDefinitionArn")),
                        EnvVar::plaintext("HOOKS_LAMBDA_ARN", outputs.get("oAfterInstallHookLambdaArn")),
                    ])
                    .output("CodeDeployConfig")
                    .run_order(1),
            )
        });
        p.stage("StartBlueGreenDeploy", |s| {
            s.add(
                CodeDeployToEcs::new(
                    "StartApplicationDeploy",
                    outputs.get("oCodeDeployAppName"),
                    outputs.get("oDeploymentGroupName"),
                    config.artifact().path("taskdef.json"),
                    config.artifact().path("appspec.yml"),
                )
                .image(image.artifact(), "IMAGE1_NAME")
                .images_first()
                .run_order(1),
            );
        });
        p.restart_execution_on_update(true);
    })
}
