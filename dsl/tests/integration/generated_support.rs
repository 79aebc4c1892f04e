//! The support resources synth generates: the service role's policy derived
//! from the actions (per provider family), the buckets and keys with the
//! pipeline account's half of cross-account grants, the deployment roles'
//! permissions, and the rules that guard them.

use pipewright_dsl::cross_account::{self, policy_document};
use pipewright_dsl::iam::{policy_size, PolicyLimit, ResourceStatement};
use pipewright_dsl::prelude::*;
use pipewright_dsl::support::{self, SupportStack};
use pipewright_dsl::Violation;
use serde_json::{json, Value};

const TARGET_ACTION_ROLE: &str = "arn:aws:iam::222222222222:role/CrossAccountRole";
const TARGET_DEPLOYMENT_ROLE: &str = "arn:aws:iam::222222222222:role/DeploymentRole";

fn findings(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(Violation::to_string).collect()
}

/// Every statement of every policy of the generated role, as IAM reads it.
fn role_statements(stack: &SupportStack) -> Vec<Value> {
    let role = stack.role.as_ref().expect("the stack of the pipeline's Region holds the role");
    role.policies.iter().flat_map(|policy| policy.statements.iter().map(|statement| statement.to_json())).collect()
}

fn actions_of(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .flat_map(|statement| statement["Action"].as_array().cloned().unwrap_or_default())
        .map(|action| action.as_str().unwrap().to_owned())
        .collect()
}

fn resource_json(statements: &[ResourceStatement]) -> Vec<Value> {
    statements.iter().map(ResourceStatement::to_json).collect()
}

/// A single-account pipeline of every provider family: sources, build,
/// deploy (CloudFormation, which passes a role), approval and invoke.
fn single_account() -> Pipeline {
    Pipeline::build("shop", |p| {
        p.account("111111111111").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        let source = p.source_stage("Source", |s| {
            s.add(CodeStarConnectionSource::new(
                "Checkout",
                "arn:aws:codeconnections:us-east-1:111111111111:connection/abc",
                "org/shop",
                "main",
            ))
        });
        let built =
            p.stage("Build", |s| s.add(CodeBuild::new("Build", "shop-build", source.artifact()).output("Built")));
        p.stage("Deploy", |s| {
            let approval = s.add(ManualApproval::new("Approve"));
            s.add(
                CloudFormationDeploy::create_update(
                    "Stack",
                    "shop",
                    built.artifact().path("template.yaml"),
                    "arn:aws:iam::111111111111:role/ShopDeploymentRole",
                )
                .after(&approval),
            );
        });
    })
}

#[test]
fn the_builder_names_the_generated_role_and_bucket_in_the_model() {
    let pipeline = single_account();
    assert_eq!(findings(&pipeline), Vec::<String>::new());
    let declaration = pipeline.declaration();
    assert_eq!(declaration.role_arn, "arn:aws:iam::111111111111:role/shop-pipeline-role");
    let store = declaration.artifact_store.as_ref().unwrap();
    assert_eq!(store.location, "shop-artifacts-111111111111-us-east-1");
    assert_eq!(store.encryption_key, None, "no action runs in another account, so no key is generated");
    assert_eq!(declaration.artifact_stores, None);
}

#[test]
fn the_service_role_policy_grants_each_provider_family_only_what_it_uses() {
    let stacks = support::stacks(&single_account()).unwrap();
    let [stack] = &stacks[..] else { panic!("one Region, one stack: {stacks:?}") };
    let role = stack.role.as_ref().unwrap();
    assert_eq!(role.name, "shop-pipeline-role");
    assert_eq!(
        role.trust.document(),
        json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ]})
    );
    let statements = role_statements(stack);
    let find = |action: &str| {
        statements
            .iter()
            .find(|statement| statement["Action"].as_array().unwrap().iter().any(|a| a == action))
            .unwrap_or_else(|| panic!("no statement allows {action}: {statements:#?}"))
            .clone()
    };
    // Source: the connection named in the action, nothing else.
    assert_eq!(
        find("codestar-connections:UseConnection")["Resource"],
        json!(["arn:aws:codeconnections:us-east-1:111111111111:connection/abc"])
    );
    // Build: the project named in the action.
    assert_eq!(
        find("codebuild:StartBuild")["Resource"],
        json!(["arn:aws:codebuild:us-east-1:111111111111:project/shop-build"])
    );
    // Deploy: the stack named in the action, and passing the deployment role only to CloudFormation.
    assert_eq!(
        find("cloudformation:CreateStack")["Resource"],
        json!(["arn:aws:cloudformation:us-east-1:111111111111:stack/shop/*"])
    );
    let pass_role = find("iam:PassRole");
    assert_eq!(pass_role["Resource"], json!(["arn:aws:iam::111111111111:role/ShopDeploymentRole"]));
    assert_eq!(
        pass_role["Condition"],
        json!({"StringEquals": {"iam:PassedToService": "cloudformation.amazonaws.com"}})
    );
    // Artifacts: the generated bucket, read and written.
    assert_eq!(find("s3:PutObject")["Resource"], json!(["arn:aws:s3:::shop-artifacts-111111111111-us-east-1/*"]));
    // The approval without a topic needs nothing; nothing is assumed.
    let actions = actions_of(&statements);
    assert!(!actions.iter().any(|action| action == "sns:Publish" || action == "sts:AssumeRole"), "{actions:?}");
    assert!(
        !actions.iter().any(|action| action == "*" || action.ends_with(":*")),
        "no wildcard action may be granted: {actions:?}"
    );
}

/// The seed's shape: build in the pipeline account, deploy with the roles
/// of account 222222222222 in a second Region.
fn cross_account_pipeline(with_permissions: bool) -> Pipeline {
    Pipeline::build("platform", |p| {
        p.account("111111111111").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        if with_permissions {
            p.deployment_role_permissions(
                TARGET_DEPLOYMENT_ROLE,
                DeploymentRolePermissions::managed_policies(["arn:aws:iam::aws:policy/AmazonSNSFullAccess"])
                    .with_statement(PolicyStatement::allow(
                        &["sqs:CreateQueue"],
                        ["arn:aws:sqs:eu-west-1:222222222222:app-*"],
                    )),
            );
        }
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "platform", "main")));
        let built = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "platform-build", source.artifact()).output("Templates"))
        });
        p.stage("Staging", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "app",
                    built.artifact().path("app.yaml"),
                    TARGET_DEPLOYMENT_ROLE,
                )
                .role_arn(TARGET_ACTION_ROLE)
                .region("eu-west-1"),
            );
        });
    })
}

#[test]
fn a_cross_account_pipeline_gets_a_bucket_and_key_per_region_and_assumes_exactly_the_action_role() {
    let pipeline = cross_account_pipeline(true);
    assert_eq!(findings(&pipeline), Vec::<String>::new());
    let stores = &pipeline.declaration().artifact_stores.as_ref().unwrap().0;
    let keys: Vec<String> =
        stores.iter().map(|entry| entry.artifact_store.encryption_key.as_ref().unwrap().id.to_string()).collect();
    assert_eq!(
        keys,
        [
            "arn:aws:kms:us-east-1:111111111111:alias/platform-artifacts",
            "arn:aws:kms:eu-west-1:111111111111:alias/platform-artifacts"
        ]
    );
    let stacks = support::stacks(&pipeline).unwrap();
    let regions: Vec<&str> = stacks.iter().map(|stack| stack.region.as_str()).collect();
    assert_eq!(regions, ["us-east-1", "eu-west-1"]);
    assert!(stacks[1].role.is_none(), "the role is global: only the pipeline's Region holds it");
    let statements = role_statements(&stacks[0]);
    let assume: Vec<&Value> =
        statements.iter().filter(|statement| statement["Action"] == json!(["sts:AssumeRole"])).collect();
    assert_eq!(assume.len(), 1);
    assert_eq!(assume[0]["Resource"], json!([TARGET_ACTION_ROLE]));
    let key_statement =
        statements.iter().find(|statement| statement["Action"] == json!(["kms:Decrypt", "kms:DescribeKey"])).unwrap();
    assert_eq!(key_statement["Resource"], json!(["arn:aws:kms:us-east-1:111111111111:key/*"]));
    assert_eq!(
        key_statement["Condition"],
        json!({"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/platform-artifacts"}})
    );
}

#[test]
fn the_bucket_and_key_policies_of_the_action_region_grant_the_target_roles() {
    let stacks = support::stacks(&cross_account_pipeline(true)).unwrap();
    let only_targets = json!({"ArnEquals": {"aws:PrincipalArn": [TARGET_ACTION_ROLE, TARGET_DEPLOYMENT_ROLE]}});
    let eu = &stacks[1];
    let bucket = eu.bucket.as_ref().unwrap();
    assert_eq!(bucket.name, "platform-artifacts-111111111111-eu-west-1");
    let policy = resource_json(&bucket.policy);
    assert_eq!(policy[0]["Sid"], "DenyInsecureTransport");
    assert_eq!(policy[0]["Condition"], json!({"Bool": {"aws:SecureTransport": "false"}}));
    let read = policy.iter().find(|statement| statement["Sid"] == "ReadArtifactsFrom222222222222").unwrap();
    assert_eq!(read["Principal"], json!({"AWS": "arn:aws:iam::222222222222:root"}));
    assert_eq!(read["Condition"], only_targets);
    assert!(read["Action"].as_array().unwrap().contains(&json!("s3:GetObject")));
    assert!(
        !policy.iter().any(|statement| statement["Sid"] == "WriteArtifactsFrom222222222222"),
        "the deploy writes no artifacts"
    );
    let key = eu.key.as_ref().unwrap();
    assert_eq!(key.alias, "alias/platform-artifacts");
    let policy = resource_json(&key.policy);
    let decrypt = policy.iter().find(|statement| statement["Sid"] == "DecryptFrom222222222222").unwrap();
    assert_eq!(decrypt["Condition"], only_targets);
    assert_eq!(decrypt["Action"], json!(["kms:Decrypt", "kms:DescribeKey"]));
    for statement in &policy {
        assert!(
            statement["Principal"]["AWS"].as_str().is_some_and(|principal| principal.ends_with(":root")),
            "{statement}"
        );
        let actions = statement["Action"].as_array().unwrap();
        assert!(!actions.iter().any(|action| action == "*" || action == "kms:*"), "{statement}");
    }
    // The bucket of the pipeline's Region is not used by the target: no grant there.
    let home = resource_json(&stacks[0].bucket.as_ref().unwrap().policy);
    assert_eq!(home.len(), 1, "{home:?}");
}

#[test]
fn the_deployment_role_gets_the_permissions_given_and_artifact_read() {
    let targets = cross_account::targets(&cross_account_pipeline(true)).unwrap();
    let deployment = targets[0].roles.iter().find(|role| role.arn == TARGET_DEPLOYMENT_ROLE).unwrap();
    assert_eq!(deployment.managed_policy_arns, ["arn:aws:iam::aws:policy/AmazonSNSFullAccess"]);
    let names: Vec<&str> = deployment.policies.iter().map(|policy| policy.name.as_str()).collect();
    assert_eq!(names, ["ArtifactAccess", "StackResources"]);
    assert_eq!(
        policy_document(&deployment.policies[1].statements)["Statement"][0]["Action"],
        json!(["sqs:CreateQueue"])
    );
    let read = policy_document(&deployment.policies[0].statements);
    assert_eq!(read["Statement"][1]["Resource"], json!(["arn:aws:s3:::platform-artifacts-111111111111-eu-west-1/*"]));
}

#[test]
fn a_deployment_role_without_permissions_is_an_error() {
    assert_eq!(
        findings(&cross_account_pipeline(false)),
        [format!(
            "error[deployment-role-permissions]: pipeline \"platform\" > stage \"Staging\" > action \"Deploy\" > \
             configuration.RoleArn: the deployment role {TARGET_DEPLOYMENT_ROLE} is in another account, and its role \
             template needs the permissions it deploys the stack's resources with: call \
             `p.deployment_role_permissions(\"{TARGET_DEPLOYMENT_ROLE}\", \
             DeploymentRolePermissions::managed_policies([..]))` or `DeploymentRolePermissions::statements([..])`"
        )]
    );
}

#[test]
fn a_generated_role_needs_the_account_and_region_and_a_literal_name() {
    let no_account = Pipeline::build("app", |p| {
        p.region("us-east-1").service_role(ServiceRole::generated()).artifact_store(ArtifactStore::s3("b"));
    });
    assert!(findings(&no_account).contains(
        &"error[support-account]: pipeline \"app\": the generated service role and buckets are named with the \
          pipeline's account, which is unknown: call `p.account(\"123456789012\")` with the account the pipeline \
          is created in"
            .to_owned()
    ));
    let no_region = Pipeline::build("app", |p| {
        p.account("111111111111").service_role(ServiceRole::generated()).artifact_store(ArtifactStore::s3("b"));
    });
    assert!(findings(&no_region).iter().any(|finding| finding.starts_with("error[support-region]: pipeline \"app\"")));
    let expression = Pipeline::build(cfn::reference("Name"), |p| {
        p.account("111111111111").region("us-east-1").service_role(ServiceRole::generated());
    });
    assert!(
        findings(&expression).iter().any(|finding| finding.starts_with("error[support-name]:")),
        "{:?}",
        findings(&expression)
    );
    // The user's own role keeps today's behaviour: no support resources.
    let own = Pipeline::build("app", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::111111111111:role/Mine").artifact_store(ArtifactStore::s3("b"));
    });
    assert!(support::stacks(&own).unwrap().is_empty());
}

#[test]
fn an_action_the_generated_role_cannot_run_is_a_warning() {
    let pipeline = Pipeline::build("app", |p| {
        p.account("111111111111").region("us-east-1").service_role(ServiceRole::generated());
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Run", |s| {
            s.add(Commands::new("Run", source.artifact(), ["make"]));
        });
    });
    assert!(
        findings(&pipeline).contains(
            &"warning[service-role-permissions]: pipeline \"app\" > stage \"Run\" > action \"Run\": pipewright does \
              not know what the Commands provider needs, so the generated service role cannot run this action: give \
              it a role of its own with `.role_arn(..)`, or use your own service role"
                .to_owned()
        ),
        "{:?}",
        findings(&pipeline)
    );
}

#[test]
fn a_generated_role_past_the_inline_policy_limit_is_a_warning() {
    let pipeline = Pipeline::build("big", |p| {
        p.account("111111111111").region("us-east-1").service_role(ServiceRole::generated());
        p.artifact_store(ArtifactStore::s3("big-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "big", "main")));
        for stage in 0..10 {
            p.stage(format!("Build{stage}"), |s| {
                for action in 0..20 {
                    s.add(CodeBuild::new(format!("B{action}"), format!("project-{stage}-{action}"), source.artifact()));
                }
            });
        }
    });
    let sizes: Vec<String> =
        findings(&pipeline).into_iter().filter(|finding| finding.starts_with("warning[policy-size]")).collect();
    assert_eq!(sizes.len(), 1, "{sizes:?}");
    assert!(sizes[0].contains("the inline policies of one role together (10240)"), "{}", sizes[0]);
    let stacks = support::stacks(&pipeline).unwrap();
    let size: usize = stacks[0]
        .role
        .as_ref()
        .unwrap()
        .policies
        .iter()
        .map(|policy| policy_size(&policy_document(&policy.statements)))
        .sum();
    assert!(size > PolicyLimit::InlineRole.characters(), "{size}");
    assert_eq!(PolicyLimit::Managed.characters(), 6_144);
}

#[test]
fn deployment_roles_that_exist_already_need_no_permissions() {
    let pipeline = Pipeline::build("platform", |p| {
        p.account("111111111111").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        p.target_account_roles(TargetAccountRoles::existing());
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "platform", "main")));
        p.stage("Staging", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "app",
                    source.artifact().path("app.yaml"),
                    TARGET_DEPLOYMENT_ROLE,
                )
                .role_arn(TARGET_ACTION_ROLE)
                .region("eu-west-1"),
            );
        });
    });
    assert_eq!(findings(&pipeline), Vec::<String>::new());
    assert!(!pipeline.generates_target_roles());
    assert!(support::roles_created(&pipeline).iter().all(|(account, _)| account == "111111111111"));
    // The pipeline account still grants the roles its artifacts.
    let stacks = support::stacks(&pipeline).unwrap();
    let policy = resource_json(&stacks[1].bucket.as_ref().unwrap().policy);
    assert!(policy.iter().any(|statement| statement["Sid"] == "ReadArtifactsFrom222222222222"), "{policy:?}");
}
