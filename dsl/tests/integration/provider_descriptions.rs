//! Every typed action against its provider description: the type id, the
//! artifact counts, the configuration keys and values, the output variable
//! names and the enum values a typed action writes must be what the
//! description (which validation, the role templates and the event rules
//! read) says. Every description must be checked here or be listed as
//! having no typed action.

use std::collections::BTreeSet;

use pipewright_dsl::model::ActionDeclaration;
use pipewright_dsl::prelude::*;
use pipewright_dsl::providers::{self, ProviderDescription, Values};
use pipewright_dsl::VariableSet;

/// The providers pipewright describes but has no typed action for (use
/// `GenericAction` for them), as `Provider (Category)`.
const UNTYPED: &[&str] = &[];

/// The keys of the output variables a handle's typed variable set offers.
fn variable_names<'p, const N: usize, V: VariableSet<'p>>(_: &ActionHandle<'p, N, V>) -> &'static [&'static str] {
    V::NAMES
}

/// One typed action as the pipeline declares it, with the variable names its
/// handle offers.
struct Typed {
    action: ActionDeclaration,
    variables: &'static [&'static str],
}

/// A pipeline holding every typed action, with every optional setting of
/// each set at least once.
fn typed_actions() -> Vec<Typed> {
    let mut variables: Vec<(&'static str, &'static [&'static str])> = Vec::new();
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| {
            let codecommit = s.add(
                CodeCommitSource::new("CodeCommit", "repo", "main")
                    .output_artifact_format(OutputArtifactFormat::CodebuildCloneRef)
                    .poll_for_source_changes(false),
            );
            variables.push(("CodeCommit", variable_names(&codecommit)));
            let connection = s.add(
                CodeStarConnectionSource::new(
                    "Connection",
                    "arn:aws:codeconnections:us-east-1:1:connection/x",
                    "o/r",
                    "main",
                )
                .output_artifact_format(OutputArtifactFormat::CodeZip)
                .detect_changes(false),
            );
            variables.push(("Connection", variable_names(&connection)));
            let s3 = s.add(
                S3Source::new("S3", "bucket", "app.zip")
                    .allow_override_for_s3_object_key(true)
                    .poll_for_source_changes(true),
            );
            variables.push(("S3", variable_names(&s3)));
            let ecr = s.add(EcrSource::new("Ecr", "my-app").image_tag("stable"));
            variables.push(("Ecr", variable_names(&ecr)));
            let github =
                s.add(GitHubSource::new("GitHub", "owner", "repo", "main", "token").poll_for_source_changes(false));
            variables.push(("GitHub", variable_names(&github)));
            codecommit
        });
        let build = p.stage("Build", |s| {
            let build = s.add(
                CodeBuild::new("Build", "project", source.artifact())
                    .input(source.artifact())
                    .primary_source(source.artifact())
                    .environment_variables([EnvVar::plaintext("STAGE", "prod")])
                    .batch_enabled(true)
                    .combine_artifacts(true)
                    .buildspec_override("buildspec.yml")
                    .output("One")
                    .output("Two"),
            );
            variables.push(("Build", variable_names(&build)));
            let image = s.add(
                EcrBuildAndPublish::new("Image", "my-app", source.artifact())
                    .docker_file_path("web")
                    .image_tags(&["latest", "v1"])
                    .registry_type(EcrRegistryType::Private),
            );
            variables.push(("Image", variable_names(&image)));
            let test = s.add(CodeBuild::test("Test", "tests", source.artifact()));
            variables.push(("Test", variable_names(&test)));
            s.add(
                DeviceFarmTest::new(
                    "Devices",
                    "project",
                    "arn:aws:devicefarm:us-west-2:123456789012:devicepool:p/d",
                    DeviceFarmAppType::Android,
                    source.artifact().path("app.apk"),
                    DeviceFarmTestType::AppiumPython,
                )
                .test(source.artifact().path("tests.zip"))
                .appium_version("1.7.2")
                .radio(DeviceFarmRadio::Bluetooth, false)
                .radio(DeviceFarmRadio::Wifi, true)
                .radio(DeviceFarmRadio::Nfc, false)
                .radio(DeviceFarmRadio::Gps, true)
                .record(true, true)
                .unmetered_devices_only(false)
                .job_timeout_minutes(30)
                .fuzz(6000, 50, 1)
                .location(47.6, -122.3)
                .custom_artifacts("/tmp/out", "/sdcard/out"),
            );
            build
        });
        let [built, _] = build.artifacts;
        p.stage("Deploy", |s| {
            let deploy_role = "arn:aws:iam::123456789012:role/Deploy";
            let stack = s.add(
                CloudFormationDeploy::create_update("Stack", "stack", built.path("template.yaml"), deploy_role)
                    .capabilities(&Capability::ALL)
                    .template_configuration(built.path("config.json"))
                    .output_file_name("outputs.json"),
            );
            variables.push(("Stack", variable_names(&stack)));
            s.add(CloudFormationDeploy::create_replace_change_set(
                "ChangeSet",
                "stack",
                "changes",
                built.path("template.yaml"),
                deploy_role,
            ));
            let stack_set = s.add(
                CloudFormationStackSet::new("StackSet", "stack-set", built.path("template.yaml"))
                    .description("guardrails")
                    .parameters(&[("Stage", "prod")])
                    .capabilities(&StackSetCapability::ALL)
                    .permission_model(StackSetPermissionModel::SelfManaged)
                    .administration_role_arn("arn:aws:iam::123456789012:role/Admin")
                    .execution_role_name("Execution")
                    .organizations_auto_deployment(OrganizationsAutoDeployment::Disabled)
                    .deployment_targets(StackSetTargets::accounts(&["111111222222"]), &["us-east-1"])
                    .failure_tolerance_percentage(0)
                    .max_concurrent_percentage(100),
            );
            variables.push(("StackSet", variable_names(&stack_set)));
            let stack_instances = s.add(
                CloudFormationStackInstances::new("StackInstances", "stack-set", &["us-east-1"])
                    .deployment_targets(StackSetTargets::file(built.path("targets.json")))
                    .parameter_overrides_file(built.path("overrides.json"))
                    .failure_tolerance_percentage(10)
                    .max_concurrent_percentage(1),
            );
            variables.push(("StackInstances", variable_names(&stack_instances)));
            s.add(CodeDeploy::new("CodeDeploy", "app", "group", built));
            s.add(
                CodeDeployToEcs::new(
                    "BlueGreen",
                    "app",
                    "group",
                    built.path("taskdef.json"),
                    built.path("appspec.yaml"),
                )
                .image(source.artifact(), "web"),
            );
            s.add(EcsDeploy::new("Ecs", "cluster", "service", built.path("images.json")).deployment_timeout(30));
            s.add(ElasticBeanstalkDeploy::new("Beanstalk", "app", "env", built));
            let lambda = s.add(
                LambdaDeploy::new("Lambda", "function", built)
                    .function_alias("live")
                    .deploy_strategy(LambdaDeployStrategy::AllAtOnce)
                    .alarms(&["errors"]),
            );
            variables.push(("Lambda", variable_names(&lambda)));
            let eks = s.add(
                EksDeploy::helm("Helm", "cluster", built.path("chart"), "web")
                    .helm_values_files(&["values.yaml"])
                    .kubernetes_namespace("prod")
                    .vpc(&["subnet-1"], &["sg-1"]),
            );
            variables.push(("Helm", variable_names(&eks)));
            let kubectl = s.add(EksDeploy::kubectl("Kubectl", "cluster", built.path("k8s")));
            variables.push(("Kubectl", variable_names(&kubectl)));
            s.add(
                Ec2Deploy::scripts("Ec2Scripts", "app", Ec2InstanceType::Ec2, "/srv/app", built.path("start.sh"))
                    .instance_tag_value("web")
                    .pre_script(built.path("stop.sh"))
                    .max_batch("50%")
                    .max_error("1")
                    .target_group_names(&["web"]),
            );
            s.add(
                ServiceCatalogDeploy::template("Catalog", "prod-1", built.path("product.yaml"), "v2")
                    .version_description("second"),
            );
            s.add(
                AppConfigDeploy::new("AppConfig", "app", "env", "profile", built.path("flags.json"))
                    .deployment_strategy("AppConfig.AllAtOnce"),
            );
            let alexa = AlexaCredentials {
                client_id: "client".into(),
                client_secret: "secret".into(),
                refresh_token: "token".into(),
            };
            s.add(AlexaSkillsKitDeploy::new("Alexa", "skill", alexa, built).parameter_overrides(source.artifact()));
            s.add(OpsWorksDeploy::new("OpsWorks", "stack", "app", built).layer("layer"));
            s.add(ServiceCatalogDeploy::configuration_file("CatalogFile", "prod-1", built.path("catalog.json")));
            s.add(Ec2Deploy::deploy_spec("Ec2Spec", "app", Ec2InstanceType::SsmManagedNode, built.path("spec.yaml")));
            s.add(
                S3Deploy::object("Upload", "bucket", "app.zip", built)
                    .cache_control("no-cache")
                    .canned_acl(CannedAcl::Private)
                    .kms_encryption_key_arn("arn:aws:kms:us-east-1:123456789012:key/k"),
            );
        });
        p.stage("Invoke", |s| {
            let invoke = s.add(LambdaInvoke::new("Invoke", "function").user_parameters("{}"));
            variables.push(("Invoke", variable_names(&invoke)));
            let machine = s.add(
                StepFunctionsInvoke::new("Machine", "arn:aws:states:us-east-1:123456789012:stateMachine:m")
                    .execution_name_prefix("run")
                    .literal_input("{}"),
            );
            variables.push(("Machine", variable_names(&machine)));
            let from_file =
                s.add(StepFunctionsInvoke::new("MachineFromFile", "arn").file_input(built.path("input.json")));
            variables.push(("MachineFromFile", variable_names(&from_file)));
            s.add(
                CodePipelineInvoke::new("StartPipeline", "other-pipeline")
                    .source_revision("Source", SourceRevisionType::CommitId, "abc123")
                    .variable("STAGE", "prod"),
            );
            s.add(SnykScan::new("Snyk", source.artifact()).output_name("SnykResults"));
            let scan = s.add(
                InspectorScan::source_code_scan("Scan", source.artifact())
                    .critical_threshold(0)
                    .high_threshold(1)
                    .medium_threshold(2)
                    .low_threshold(3)
                    .output_name("Sbom"),
            );
            variables.push(("Scan", variable_names(&scan)));
            s.add(
                Commands::new("Commands", built, ["make"])
                    .compute_type(CommandsComputeType::Small)
                    .environment_type(CommandsEnvironmentType::LinuxContainer)
                    .vpc("vpc-1", &["subnet-1"], &["sg-1"])
                    .output_files("Out", ["dist/**/*"]),
            );
            s.add(
                ManualApproval::new("Approve")
                    .notification_arn("arn:aws:sns:us-east-1:123456789012:t")
                    .custom_data("check")
                    .external_entity_link("https://example.com"),
            );
        });
    });
    pipeline
        .declaration()
        .stages
        .iter()
        .flat_map(|stage| &stage.actions)
        .map(|action| Typed {
            action: action.clone(),
            variables: variables.iter().find(|(name, _)| action.name == *name).map_or(&[][..], |(_, names)| names),
        })
        .collect()
}

/// `Provider (Category)` of an action.
fn provider_of(action: &ActionDeclaration) -> String {
    format!("{} ({})", action.action_type_id.provider, action.action_type_id.category.as_str())
}

/// The description of a typed action's provider; fails when there is none.
fn description_of(action: &ActionDeclaration) -> &'static ProviderDescription {
    providers::find(&action.action_type_id).unwrap_or_else(|| {
        panic!("the typed action {} ({}) has no provider description", action.name, provider_of(action))
    })
}

/// Whether `value` is one the key accepts, in an action reading `inputs`.
fn accepts(values: Values, value: &str, inputs: &[&str]) -> bool {
    match values {
        Values::Any => true,
        Values::InputName => inputs.contains(&value),
        Values::InputPath => value.split_once("::").is_some_and(|(artifact, _)| inputs.contains(&artifact)),
        Values::Boolean => ["true", "false"].contains(&value),
        Values::OneOf(values) => values.contains(&value),
        Values::ListOf(values) => value.split(',').all(|item| values.contains(&item)),
        Values::Range { min, max, .. } => value.parse::<u32>().is_ok_and(|number| (min..=max).contains(&number)),
    }
}

/// The literal value of `key` in `action`.
fn value<'a>(action: &'a ActionDeclaration, key: &str) -> &'a str {
    action.configuration.as_ref().and_then(|configuration| configuration.get(key)).and_then(Str::as_literal).unwrap()
}

#[test]
fn every_typed_action_agrees_with_its_provider_description() {
    for Typed { action, variables } in typed_actions() {
        let description = description_of(&action);
        let type_id = &action.action_type_id;
        let what = format!("{} ({})", action.name, provider_of(&action));
        assert_eq!(type_id.version, description.version, "{what}: version");
        let inputs = action.input_artifacts.as_ref().map_or(0, Vec::len);
        let outputs = action.output_artifacts.as_ref().map_or(0, Vec::len);
        assert!((description.inputs.min..=description.inputs.max).contains(&inputs), "{what}: {inputs} inputs");
        assert!((description.outputs.min..=description.outputs.max).contains(&outputs), "{what}: {outputs} outputs");
        let input_names: Vec<&str> =
            action.input_artifacts.iter().flatten().map(|input| input.name.as_literal().unwrap()).collect();
        let configuration = action.configuration.clone().unwrap_or_default();
        for (key, value) in &configuration {
            let known = description.key(key).unwrap_or_else(|| panic!("{what}: the description has no key {key}"));
            let value = value.as_literal().unwrap();
            assert!(
                accepts(known.values, value, &input_names),
                "{what}: {key} \"{value}\" is not one of {:?}",
                known.values
            );
        }
        for key in description.required_keys() {
            assert!(configuration.contains_key(key), "{what}: the required key {key} is not set");
        }
        let emitted: BTreeSet<&str> = description.variables.unwrap_or_default().iter().copied().collect();
        let offered: BTreeSet<&str> = variables.iter().copied().collect();
        assert_eq!(offered, emitted, "{what}: the handle's variables and the description's output variables");
    }
}

#[test]
fn every_provider_description_is_checked_against_its_typed_action_or_listed_as_untyped() {
    let typed: BTreeSet<String> = typed_actions().iter().map(|typed| provider_of(&typed.action)).collect();
    for description in providers::ALL {
        for category in description.categories {
            let provider = description.describe(*category);
            let untyped = UNTYPED.contains(&provider.as_str());
            assert!(
                typed.contains(&provider) != untyped,
                "{provider}: build its typed action in `typed_actions` or list it in UNTYPED (not both)"
            );
        }
    }
    for provider in UNTYPED {
        assert!(
            providers::ALL.iter().any(|description| description
                .categories
                .iter()
                .any(|category| description.describe(*category) == *provider)),
            "{provider} is listed as untyped but has no description"
        );
    }
}

#[test]
fn descriptions_are_unique_and_their_required_keys_come_first() {
    let mut seen = BTreeSet::new();
    for description in providers::ALL {
        assert!(!description.categories.is_empty(), "{} is offered in no category", description.name);
        for category in description.categories {
            let type_id = description.type_id(*category);
            assert!(
                seen.insert(description.describe(*category)),
                "{} is described twice",
                description.describe(*category)
            );
            assert!(std::ptr::eq(providers::find(&type_id).unwrap(), *description));
        }
        let first_optional = description.configuration.iter().position(|key| !key.required);
        let last_required = description.configuration.iter().rposition(|key| key.required);
        if let (Some(optional), Some(required)) = (first_optional, last_required) {
            assert!(required < optional, "{}: required keys must come before optional ones", description.name);
        }
    }
}

/// The closed value set of `key` in `description`.
fn closed_values(description: &ProviderDescription, key: &str) -> Vec<&'static str> {
    match description.key(key).map(|key| key.values) {
        Some(Values::OneOf(values) | Values::ListOf(values)) => values.to_vec(),
        other => panic!("{}: {key} has no closed value set ({other:?})", description.name),
    }
}

#[test]
fn canned_acls_are_the_s3_deploy_value_set() {
    let mut written = Vec::new();
    for acl in CannedAcl::ALL {
        let pipeline = Pipeline::build("p", |p| {
            let source = p.source_stage("Source", |s| s.add(S3Source::new("S", "b", "k")));
            p.stage("Deploy", |s| s.add(S3Deploy::extract("Upload", "bucket", source.artifact()).canned_acl(acl)));
        });
        written.push(value(&pipeline.declaration().stages[1].actions[0], "CannedACL").to_owned());
    }
    assert_eq!(written, closed_values(&providers::S3_DEPLOY, "CannedACL"));
}

#[test]
fn cloudformation_modes_and_capabilities_are_the_cloudformation_value_sets() {
    let role = "arn:aws:iam::123456789012:role/Deploy";
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(S3Source::new("S", "b", "k")));
        let template = || source.artifact().path("template.yaml");
        p.stage("Deploy", |s| {
            s.add(CloudFormationDeploy::create_update("A", "stack", template(), role).capabilities(&Capability::ALL));
            s.add(CloudFormationDeploy::replace_on_failure("B", "stack", template(), role));
            s.add(CloudFormationDeploy::delete_only("C", "stack", role));
            s.add(CloudFormationDeploy::create_replace_change_set("D", "stack", "changes", template(), role));
            s.add(CloudFormationDeploy::execute_change_set("E", "stack", "changes"));
        });
    });
    let actions = &pipeline.declaration().stages[1].actions;
    let modes: Vec<&str> = actions.iter().map(|action| value(action, "ActionMode")).collect();
    assert_eq!(modes, closed_values(&providers::CLOUDFORMATION, "ActionMode"));
    let parsed: Vec<CloudFormationActionMode> =
        modes.iter().map(|mode| CloudFormationActionMode::parse(mode).unwrap()).collect();
    assert_eq!(parsed, CloudFormationActionMode::ALL);
    let capabilities: Vec<&str> = value(&actions[0], "Capabilities").split(',').collect();
    assert_eq!(capabilities, closed_values(&providers::CLOUDFORMATION, "Capabilities"));
}

#[test]
fn output_artifact_formats_are_the_git_sources_value_sets() {
    for description in [&providers::CODECOMMIT, &providers::CODESTAR_SOURCE_CONNECTION] {
        let written: Vec<&str> = OutputArtifactFormat::ALL.iter().map(|format| format.as_str()).collect();
        assert_eq!(written, closed_values(description, "OutputArtifactFormat"));
    }
    let pipeline = Pipeline::build("p", |p| {
        p.source_stage("Source", |s| {
            for (index, format) in OutputArtifactFormat::ALL.into_iter().enumerate() {
                s.add(CodeCommitSource::new(format!("C{index}"), "repo", "main").output_artifact_format(format));
            }
        });
    });
    let written: Vec<&str> =
        pipeline.declaration().stages[0].actions.iter().map(|action| value(action, "OutputArtifactFormat")).collect();
    assert_eq!(written, closed_values(&providers::CODECOMMIT, "OutputArtifactFormat"));
}

#[test]
fn step_functions_input_types_are_the_step_functions_value_set() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(S3Source::new("S", "b", "k")));
        p.stage("Invoke", |s| {
            s.add(StepFunctionsInvoke::new("Literal", "arn").literal_input("{}"));
            s.add(StepFunctionsInvoke::new("File", "arn").file_input(source.artifact().path("input.json")));
        });
    });
    let written: Vec<&str> =
        pipeline.declaration().stages[1].actions.iter().map(|action| value(action, "InputType")).collect();
    assert_eq!(written, closed_values(&providers::STEP_FUNCTIONS, "InputType"));
}
