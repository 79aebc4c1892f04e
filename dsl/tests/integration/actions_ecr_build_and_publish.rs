//! The ECRBuildAndPublish action: the JSON its typed builder produces, for a
//! minimal and a full configuration, against the keys of the AWS action
//! reference.

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use pipewright_dsl::providers::{self, Values};
use serde_json::json;

#[test]
fn a_minimal_ecr_build_and_publish_writes_its_repository_and_reads_the_source() {
    let pipeline = after_checkout("Image", |s, source| {
        s.add(EcrBuildAndPublish::new("Push", "my-app", source.artifact()));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Push",
            "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "ECRBuildAndPublish", "version": "1"},
            "configuration": {"ECRRepositoryName": "my-app"},
            "inputArtifacts": [{"name": "CheckoutOutput"}]
        })
    );
}

#[test]
fn a_full_ecr_build_and_publish_writes_every_key() {
    let pipeline = after_checkout("Image", |s, source| {
        s.add(
            EcrBuildAndPublish::new("Push", "my-app", source.artifact())
                .docker_file_path("services/web")
                .image_tags(&["latest", "v1.2"])
                .registry_type(EcrRegistryType::Public),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Push",
            "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "ECRBuildAndPublish", "version": "1"},
            "configuration": {
                "ECRRepositoryName": "my-app",
                "DockerFilePath": "services/web",
                "ImageTags": "latest,v1.2",
                "RegistryType": "public"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}]
        })
    );
}

#[test]
fn ecr_registry_types_are_the_description_value_set() {
    let written: Vec<&str> = EcrRegistryType::ALL.iter().map(|value| value.as_str()).collect();
    assert_eq!(written, ["private", "public"]);
    let key = providers::ECR_BUILD_AND_PUBLISH.key("RegistryType").unwrap();
    assert_eq!(key.values, Values::OneOf(&["private", "public"]));
}

#[test]
fn ecr_build_and_publish_variables_are_the_image_digest_and_repository() {
    after_checkout("Image", |s, source| {
        let image = s.add(EcrBuildAndPublish::new("Push", "my-app", source.artifact()));
        assert_eq!(image.vars().image_digest_id().to_string(), "#{Image_Push.ECRImageDigestId}");
        assert_eq!(image.vars().repository_name().to_string(), "#{Image_Push.ECRRepositoryName}");
    });
}
