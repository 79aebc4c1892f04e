//! `01-cross-account-codecommit-kms.yaml`: a CodeCommit repository of another
//! account (the source action assumes a role there) built by CodeBuild, with
//! artifacts encrypted by a customer-managed KMS key. Everything the stack
//! varies is a template parameter.

use pipewright::prelude::*;

use super::parameters;

/// The pipeline resource `CodePipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::build(cfn::reference("Name"), |p| {
        p.logical_id("CodePipeline");
        parameters(
            p,
            &[
                "BucketName",
                "CodeCommitRoleName",
                "CodePipelineRoleName",
                "DevelopAccount",
                "KeyId",
                "Name",
                "RepositoryName",
            ],
        );
        p.role_arn(cfn::sub("arn:aws:iam::${AWS::AccountId}:role/${CodePipelineRoleName}"));
        p.artifact_store(
            ArtifactStore::s3(cfn::reference("BucketName"))
                .with_kms_key(cfn::sub("arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}")),
        );
        let source = p.source_stage("source", |s| {
            s.add(
                CodeCommitSource::new("source", cfn::reference("RepositoryName"), "master")
                    .poll_for_source_changes(false)
                    .output_name("MyApp")
                    .role_arn(cfn::sub("arn:aws:iam::${DevelopAccount}:role/${CodeCommitRoleName}")),
            )
        });
        p.stage("build", |s| {
            s.add(CodeBuild::new("build", cfn::reference("Name"), source.artifact()).output("App"));
        });
    })
}
