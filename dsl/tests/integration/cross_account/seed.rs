//! A cross-account pipeline assembled from the seed's fragments: the seed's
//! basic pipeline, its ECS deploy replaced by the seed's CloudFormation
//! deploy, made cross-account by the seed's action-cross-account.json
//! (action role and deployment role in account 987654321098).
//!
//! The seed writes the source's ConnectionArn as a placeholder
//! (`arn:aws:codestar-connections:...`), which validation rightly warns
//! about; these pipelines complete it, so that their findings are only those
//! of the cross-account setup.

use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::provision::DeploymentRolePermissions;
use pipewright_dsl::Pipeline;
use serde_json::{json, Value};

/// One of the seed's JSON fragments.
pub fn seed_json(file: &str) -> Value {
    let path = format!("{}/../tests/data/seed/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}")))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// A complete connection ARN of the pipeline's account.
const CONNECTION_ARN: &str = "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123";

/// The seed's basic pipeline with its connection ARN completed.
pub fn basic_pipeline() -> Value {
    let mut document = seed_json("basic-pipeline.json");
    document["pipeline"]["stages"][0]["actions"][0]["configuration"]["ConnectionArn"] = json!(CONNECTION_ARN);
    document
}

/// The deploy action: the seed's CloudFormation deploy with the seed's
/// cross-account fields merged in.
pub fn cross_account_deploy_action() -> Value {
    let mut action = seed_json("deploy-cloudformation.json");
    let cross = seed_json("action-cross-account.json");
    action["name"] = json!("DeployToB");
    action["inputArtifacts"] = json!([{"name": "BuildOutput"}]);
    action["roleArn"] = cross["roleArn"].clone();
    action["region"] = cross["region"].clone();
    action["configuration"]["RoleArn"] = cross["configuration"]["RoleArn"].clone();
    action
}

/// The deployment role of the seed's cross-account action.
pub const DEPLOYMENT_ROLE: &str = "arn:aws:iam::987654321098:role/CrossAccountDeployRole";

/// The managed policy the deployment role is given.
pub const DEPLOYMENT_POLICY: &str = "arn:aws:iam::aws:policy/AWSCloudFormationFullAccess";

/// The pipeline, created in us-east-1, with `stores` (an object holding
/// `artifactStore` or `artifactStores`) as its artifact store(s), its
/// deployment role given [`DEPLOYMENT_POLICY`].
pub fn cross_account_pipeline(stores: Value) -> Pipeline {
    let mut document = basic_pipeline();
    let pipeline = document["pipeline"].as_object_mut().unwrap();
    pipeline.remove("artifactStore");
    for (key, value) in stores.as_object().unwrap() {
        pipeline.insert(key.clone(), value.clone());
    }
    pipeline["stages"][2]["actions"] = json!([cross_account_deploy_action()]);
    let document: PipelineDocument = serde_json::from_value(document).unwrap();
    Pipeline::from_document(document).with_region("us-east-1").with_deployment_role_permissions(
        DEPLOYMENT_ROLE,
        DeploymentRolePermissions::managed_policies([DEPLOYMENT_POLICY]),
    )
}

/// The seed's artifact store encrypted with a customer-managed key.
pub fn store_with_key() -> Value {
    json!({"artifactStore": {
        "type": "S3",
        "location": "my-pipeline-artifacts",
        "encryptionKey": {"type": "KMS", "id": "arn:aws:kms:us-east-1:123456789012:key/abc123"},
    }})
}
