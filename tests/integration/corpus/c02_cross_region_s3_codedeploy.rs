//! `02-cross-region-s3-codedeploy.yaml`: an S3 source deployed by CodeDeploy
//! to three Regions at once, each Region with its own artifact store; two of
//! the Regions come from a template mapping.

use pipewright::prelude::*;
use serde_json::json;

use super::{companions, parameters, Companion};

/// The pipeline resource `MultiRegionPipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::unnamed("MultiRegionPipeline", |p| {
        parameters(
            p,
            &[
                "APSouthEast2ArtifactStoreBucket",
                "ApplicationName",
                "DeploymentGroupName",
                "S3SourceBucket",
                "S3SourceBucketKey",
                "USEast1ArtifactStoreBucket",
                "USWest2ArtifactStoreBucket",
            ],
        );
        companions(p, &[Companion::Role("CodePipelineServiceRole", "codepipeline")]);
        // The other two Regions, by the Region of the stack.
        p.mapping(
            "SecondRegionMap",
            json!({
                "us-west-2": {"SecondRegion1": "us-east-1", "SecondRegion2": "ap-southeast-2"},
                "us-east-1": {"SecondRegion1": "us-west-2", "SecondRegion2": "ap-southeast-2"},
            }),
        );
        p.role_arn(cfn::get_att("CodePipelineServiceRole", "Arn"));
        for (region, bucket) in [
            ("us-west-2", "USWest2ArtifactStoreBucket"),
            ("us-east-1", "USEast1ArtifactStoreBucket"),
            ("ap-southeast-2", "APSouthEast2ArtifactStoreBucket"),
        ] {
            p.artifact_store_in(region, ArtifactStore::s3(cfn::reference(bucket)));
        }
        let source = p.source_stage("Source", |s| {
            s.add(
                S3Source::new("Source", cfn::reference("S3SourceBucket"), cfn::reference("S3SourceBucketKey"))
                    .poll_for_source_changes(true)
                    .output_name("SourceOutput")
                    .run_order(1),
            )
        });
        let second_region = |key| cfn::find_in_map("SecondRegionMap", cfn::reference("AWS::Region"), key);
        p.stage("Prod", |s| {
            for (name, region) in [
                ("SecondRegion1Deploy", second_region("SecondRegion1")),
                ("SecondRegion2Deploy", second_region("SecondRegion2")),
                ("PrimaryRegionDeploy", cfn::reference("AWS::Region")),
            ] {
                s.add(
                    CodeDeploy::new(
                        name,
                        cfn::reference("ApplicationName"),
                        cfn::reference("DeploymentGroupName"),
                        source.artifact(),
                    )
                    .region(region),
                );
            }
        });
    })
}
