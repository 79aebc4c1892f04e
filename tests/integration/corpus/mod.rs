//! The pipelines of `../shared/corpus` (real pipelines by other people, see
//! its SOURCES.md), each written again with pipewright's typed builders, one
//! file per corpus file, the way a user would write it: artifact handles,
//! typed actions and their setters, typed variables, `cfn::` helpers for the
//! template's expressions. Names are the corpus's own: the comparison needs
//! them.
//!
//! Nothing here reads the corpus; `corpus_equal` synthesizes each pipeline
//! and compares it with the original file, which it must equal (after the
//! few normalisations `corpus_equal` documents).

use pipewright::events::EventPattern;
use pipewright::model::Str;
use pipewright::template::{Parameter, Resource};
use pipewright::{Pipeline, PipelineBuilder};
use serde_json::json;

pub mod c01_cross_account_codecommit_kms;
pub mod c02_cross_region_s3_codedeploy;
pub mod c03_get_pipeline_codecommit_lambda;
pub mod c04_github_v1_codebuild_ecs;
pub mod c05_importvalue_primarysource_approval;
pub mod c06_codeconnections_cfn_notification_rule;
pub mod c07_v2_triggers_path_filter_commands;
pub mod c08_s3_deploy_extract_disabled_transitions;
pub mod c09_codecommit_approvals_events_rule;
pub mod c10_cfn_json_s3_source_codebuild;
pub mod c11_codedeploy_ecs_bluegreen_namespaces;
pub mod c12_cross_account_kms_changesets;

/// The event pattern of pushes to `branch` of the CodeCommit repository
/// `repository_arn`, as both templates with such a rule write it (with the
/// ARN as `Fn::Join`, where [`PipelineBuilder::start_on_change`] writes
/// `Fn::Sub`).
///
/// [`PipelineBuilder::start_on_change`]: pipewright::PipelineBuilder::start_on_change
pub fn codecommit_push(repository_arn: Str, branch: &str) -> EventPattern {
    EventPattern::custom(json!({
        "source": ["aws.codecommit"],
        "resources": [repository_arn],
        "detail-type": ["CodeCommit Repository State Change"],
        "detail": {
            "event": ["referenceCreated", "referenceUpdated"],
            "referenceType": ["branch"],
            "referenceName": [branch],
        },
    }))
}

/// Declares the original's template parameters that the pipeline uses, as
/// `String` parameters, so that its template stands alone.
pub fn parameters(p: &mut PipelineBuilder<'_>, names: &[&str]) {
    for name in names {
        p.parameter(Parameter::string(*name));
    }
}

/// The companion resources of the original that the pipeline refers to,
/// declared so that the template synth writes stands alone (`synth` writes
/// no template that refers to something it does not declare). Each is the
/// least CloudFormation needs of its type, not the original's settings: the
/// comparison covers the pipeline and its rules only.
pub enum Companion {
    /// An `AWS::IAM::Role` that `service` (e.g. `codepipeline`) may assume.
    Role(&'static str, &'static str),
    /// An `AWS::S3::Bucket`.
    Bucket(&'static str),
    /// An `AWS::CodeBuild::Project` building from the pipeline, with a
    /// service role of its own (`<id>ServiceRole`).
    BuildProject(&'static str),
    /// An `AWS::SNS::Topic`.
    Topic(&'static str),
    /// An `AWS::CodeCommit::Repository`.
    Repository(&'static str),
}

/// Adds `companions` to the pipeline's template.
pub fn companions(p: &mut PipelineBuilder<'_>, companions: &[Companion]) {
    let role = |id: String, service: &str| {
        let principal = format!("{service}.amazonaws.com");
        Resource::new(
            id,
            "AWS::IAM::Role",
            json!({"AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}],
            }}),
        )
    };
    for companion in companions {
        match companion {
            Companion::Role(id, service) => {
                p.resource(role((*id).to_owned(), service));
            }
            Companion::Bucket(id) => {
                p.resource(Resource::new(*id, "AWS::S3::Bucket", json!({})));
            }
            Companion::BuildProject(id) => {
                let service_role = role(format!("{id}ServiceRole"), "codebuild");
                let project = Resource::new(
                    *id,
                    "AWS::CodeBuild::Project",
                    json!({
                        "Source": {"Type": "CODEPIPELINE"},
                        "Artifacts": {"Type": "CODEPIPELINE"},
                        "Environment": {
                            "Type": "LINUX_CONTAINER",
                            "ComputeType": "BUILD_GENERAL1_SMALL",
                            "Image": "aws/codebuild/standard:7.0",
                        },
                        "ServiceRole": service_role.get_att("Arn"),
                    }),
                );
                p.resource(service_role).resource(project);
            }
            Companion::Topic(id) => {
                p.resource(Resource::new(*id, "AWS::SNS::Topic", json!({})));
            }
            Companion::Repository(id) => {
                p.resource(Resource::new(*id, "AWS::CodeCommit::Repository", json!({"RepositoryName": id})));
            }
        }
    }
}

/// How the original file holds its pipeline.
#[derive(Clone, Copy, Debug)]
pub enum Form {
    /// A CloudFormation template whose pipeline resource has this logical id.
    Template {
        /// The logical id of the original's pipeline resource.
        logical_id: &'static str,
    },
    /// A `get-pipeline` / `create-pipeline` JSON document.
    ApiJson,
}

/// One corpus file and its rebuild.
pub struct Rebuild {
    /// The file's name in `../shared/corpus`.
    pub file: &'static str,
    /// How the file holds the pipeline.
    pub form: Form,
    /// The pipeline written with typed builders.
    pub pipeline: fn() -> Pipeline,
}

/// Every corpus file with its rebuild, in file order.
pub fn rebuilds() -> Vec<Rebuild> {
    let template = |logical_id| Form::Template { logical_id };
    vec![
        Rebuild {
            file: "01-cross-account-codecommit-kms.yaml",
            form: template("CodePipeline"),
            pipeline: c01_cross_account_codecommit_kms::pipeline,
        },
        Rebuild {
            file: "02-cross-region-s3-codedeploy.yaml",
            form: template("MultiRegionPipeline"),
            pipeline: c02_cross_region_s3_codedeploy::pipeline,
        },
        Rebuild {
            file: "03-get-pipeline-codecommit-lambda.json",
            form: Form::ApiJson,
            pipeline: c03_get_pipeline_codecommit_lambda::pipeline,
        },
        Rebuild {
            file: "04-github-v1-codebuild-ecs.yaml",
            form: template("Pipeline"),
            pipeline: c04_github_v1_codebuild_ecs::pipeline,
        },
        Rebuild {
            file: "05-importvalue-primarysource-approval.yaml",
            form: template("Pipeline"),
            pipeline: c05_importvalue_primarysource_approval::pipeline,
        },
        Rebuild {
            file: "06-codeconnections-cfn-notification-rule.yaml",
            form: template("Pipeline"),
            pipeline: c06_codeconnections_cfn_notification_rule::pipeline,
        },
        Rebuild {
            file: "07-v2-triggers-path-filter-commands.yaml",
            form: template("Pipeline"),
            pipeline: c07_v2_triggers_path_filter_commands::pipeline,
        },
        Rebuild {
            file: "08-s3-deploy-extract-disabled-transitions.yaml",
            form: template("Pipeline"),
            pipeline: c08_s3_deploy_extract_disabled_transitions::pipeline,
        },
        Rebuild {
            file: "09-codecommit-approvals-events-rule.yaml",
            form: template("OUCICDPipeline"),
            pipeline: c09_codecommit_approvals_events_rule::pipeline,
        },
        Rebuild {
            file: "10-cfn-json-s3-source-codebuild.json",
            form: template("Pipeline"),
            pipeline: c10_cfn_json_s3_source_codebuild::pipeline,
        },
        Rebuild {
            file: "11-codedeploy-ecs-bluegreen-namespaces.yaml",
            form: template("rAppPipeline"),
            pipeline: c11_codedeploy_ecs_bluegreen_namespaces::pipeline,
        },
        Rebuild {
            file: "12-cross-account-kms-changesets.yaml",
            form: template("Pipeline"),
            pipeline: c12_cross_account_kms_changesets::pipeline,
        },
    ]
}
