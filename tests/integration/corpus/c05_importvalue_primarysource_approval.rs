//! `05-importvalue-primarysource-approval.yaml`: a CodeCommit source, a
//! build, and after a manual approval a second build that reads the source
//! and the first build's output (the source is its primary source).
//! Repository, projects and bucket are exported by another stack.

use pipewright::prelude::*;

use super::{companions, parameters, Companion};

/// A value the CodeBuild stack exports, `<CodeBuildStack>-<name>`.
fn exported(name: &str) -> Str {
    cfn::import_value(cfn::sub(&format!("${{CodeBuildStack}}-{name}")))
}

/// The pipeline resource `Pipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::build(cfn::sub("${AWS::StackName}-Code-Pipeline"), |p| {
        p.logical_id("Pipeline");
        parameters(p, &["CodeBuildStack"]);
        companions(p, &[Companion::Role("PipelineRole", "codepipeline")]);
        p.artifact_store(ArtifactStore::s3(exported("PipelineS3Bucket")));
        p.restart_execution_on_update(false);
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        let source = p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("Source", exported("CodeCommitName"), "main").output_name("Source"))
        });
        let build = p.stage("Build-AppBuild", |s| {
            s.add(CodeBuild::new("App-Build", exported("AppBuild"), source.artifact()).output("FullZip").run_order(1))
        });
        p.stage("Deploy-App", |s| {
            let approval = s.add(
                ManualApproval::new("Approval")
                    .custom_data("Review the build output and approve to deploy")
                    .run_order(2),
            );
            s.add(
                CodeBuild::new("App-Deploy", exported("AppDeploy"), source.artifact())
                    .input(build.artifact())
                    .primary_source(source.artifact())
                    .environment_variables([EnvVar::plaintext("ENVIRONMENT", "SampleEnv")])
                    .after(&approval)
                    .run_order(3),
            );
        });
    })
}
