//! The typed actions of AWS services beyond the core deploy targets (EKS,
//! EC2, Device Farm, Service Catalog, AppConfig, Alexa Skills Kit, OpsWorks):
//! the whole JSON each builder produces for a minimal and a full
//! configuration, against the keys of the AWS action reference.

use crate::support::action_json;
use pipewright_dsl::cross_account::{self, policy_document};
use pipewright_dsl::prelude::*;
use pipewright_dsl::StageBuilder;
use serde_json::{json, Value};

/// The role, in another account, the actions whose permissions are checked
/// run with.
const TARGET_ROLE: &str = "arn:aws:iam::987654321098:role/DeployRole";

/// A V2 pipeline with a CodeCommit source (`CheckoutOutput`) and a stage
/// `Deploy` holding what `add` adds, which must pass validation; the JSON of
/// the action it adds.
fn added<F>(add: F) -> Value
where
    F: for<'p> FnOnce(&mut StageBuilder<'p, '_>, Artifact<'p>),
{
    let pipeline = pipeline_with(add);
    let findings: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
    assert_eq!(findings, Vec::<String>::new(), "the action passes validation");
    action_json(&pipeline, 1, 0)
}

/// A V2 pipeline in us-east-1 with a CodeCommit source (`CheckoutOutput`)
/// and a stage `Deploy` holding what `add` adds.
fn pipeline_with<F>(add: F) -> Pipeline
where
    F: for<'p> FnOnce(&mut StageBuilder<'p, '_>, Artifact<'p>),
{
    Pipeline::build("p", |p| {
        p.pipeline_type(PipelineType::V2).region("us-east-1").role_arn("arn:aws:iam::123456789012:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| add(s, source.artifact()));
    })
}

/// The whole JSON of the action `name` of type `[category, owner, provider]`
/// (version 1) with `configuration`, reading only `CheckoutOutput`.
fn reading_checkout(name: &str, [category, owner, provider]: [&str; 3], configuration: Value) -> Value {
    json!({
        "name": name,
        "actionTypeId": {"category": category, "owner": owner, "provider": provider, "version": "1"},
        "configuration": configuration,
        "inputArtifacts": [{"name": "CheckoutOutput"}]
    })
}

/// The statements of the provider policy of the role of the only action of
/// the `Deploy` stage, which `add` adds with [`TARGET_ROLE`]: what the
/// role template grants to run it.
fn provider_statements<F>(add: F) -> Value
where
    F: for<'p> FnOnce(&mut StageBuilder<'p, '_>, Artifact<'p>),
{
    let targets = cross_account::targets(&pipeline_with(add)).unwrap();
    let [target] = &targets[..] else { panic!("one target: {targets:?}") };
    let [role] = &target.roles[..] else { panic!("one role: {:?}", target.roles) };
    let policy = role.policies.iter().find(|policy| policy.name != "ArtifactAccess").expect("a provider policy");
    policy_document(&policy.statements)["Statement"].clone()
}

#[test]
fn eks_kubectl_writes_the_cluster_and_the_manifest_file_of_its_input() {
    let action = added(|s, source| {
        s.add(EksDeploy::kubectl("Apply", "my-cluster", source.path("k8s/deployment.yaml")));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Apply",
            ["Deploy", "AWS", "EKS"],
            json!({"ClusterName": "my-cluster", "ManifestFiles": "k8s/deployment.yaml"})
        )
    );
}

#[test]
fn eks_helm_writes_every_helm_and_network_setting() {
    let action = added(|s, source| {
        s.add(
            EksDeploy::helm("Release", "my-cluster", source.path("charts/web"), "web")
                .helm_values_files(&["values.yaml", "values-prod.yaml"])
                .kubernetes_namespace("prod")
                .vpc(&["subnet-1", "subnet-2"], &["sg-1"])
                .environment_variable("IMAGE_TAG", "1.2.3"),
        );
    });
    assert_eq!(
        action,
        json!({
            "name": "Release",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "EKS", "version": "1"},
            "configuration": {
                "ClusterName": "my-cluster",
                "HelmReleaseName": "web",
                "HelmChartLocation": "charts/web",
                "HelmValuesFiles": "values.yaml,values-prod.yaml",
                "Namespace": "prod",
                "Subnets": "subnet-1,subnet-2",
                "SecurityGroupIds": "sg-1"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "environmentVariables": [{"name": "IMAGE_TAG", "value": "1.2.3", "type": "PLAINTEXT"}]
        })
    );
}

#[test]
fn eks_role_may_describe_its_cluster_attach_to_the_vpc_and_write_logs() {
    let statements = provider_statements(|s, source| {
        s.add(EksDeploy::kubectl("Apply", "my-cluster", source.path("k8s")).role_arn(TARGET_ROLE));
    });
    assert_eq!(
        statements,
        json!([
            {"Effect": "Allow", "Action": ["eks:DescribeCluster"],
             "Resource": ["arn:aws:eks:us-east-1:987654321098:cluster/my-cluster"]},
            {"Effect": "Allow",
             "Action": ["ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterface", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs"],
             "Resource": ["*"]},
            {"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
             "Resource": ["arn:aws:logs:us-east-1:987654321098:log-group:/aws/codepipeline/*"]},
        ])
    );
}

#[test]
fn ec2_deploy_spec_writes_the_instances_and_the_spec_file_of_its_input() {
    let action = added(|s, source| {
        s.add(Ec2Deploy::deploy_spec(
            "Servers",
            "app",
            Ec2InstanceType::SsmManagedNode,
            source.path("deployspec.yaml"),
        ));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Servers",
            ["Deploy", "AWS", "EC2"],
            json!({
                "InstanceTagKey": "app",
                "InstanceType": "SSM_MANAGED_NODE",
                "DeploySpec": "deployspec.yaml"
            })
        )
    );
}

#[test]
fn ec2_scripts_write_every_script_batch_and_target_group_setting() {
    let action = added(|s, source| {
        s.add(
            Ec2Deploy::scripts("Servers", "app", Ec2InstanceType::Ec2, "/srv/app", source.path("scripts/start.sh"))
                .instance_tag_value("web")
                .pre_script(source.path("scripts/stop.sh"))
                .max_batch("50%")
                .max_error("1")
                .target_group_names(&["web-blue", "web-green"]),
        );
    });
    assert_eq!(
        action,
        reading_checkout(
            "Servers",
            ["Deploy", "AWS", "EC2"],
            json!({
                "InstanceTagKey": "app",
                "InstanceType": "EC2",
                "TargetDirectory": "/srv/app",
                "PostScript": "scripts/start.sh",
                "InstanceTagValue": "web",
                "PreScript": "scripts/stop.sh",
                "MaxBatch": "50%",
                "MaxError": "1",
                "TargetGroupNameList": "web-blue,web-green"
            })
        )
    );
}

#[test]
fn ec2_role_may_run_shell_commands_on_instances_and_move_them_between_target_groups() {
    let statements = provider_statements(|s, source| {
        s.add(
            Ec2Deploy::deploy_spec("Servers", "app", Ec2InstanceType::Ec2, source.path("spec.yaml"))
                .role_arn(TARGET_ROLE),
        );
    });
    let region_account = "us-east-1:987654321098";
    assert_eq!(
        statements,
        json!([
            {"Effect": "Allow", "Action": ["ec2:DescribeInstances"], "Resource": ["*"]},
            {"Effect": "Allow",
             "Action": ["elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetGroups",
                        "elasticloadbalancing:DescribeTargetHealth"],
             "Resource": ["*"]},
            {"Effect": "Allow",
             "Action": ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
             "Resource": [format!("arn:aws:elasticloadbalancing:{region_account}:targetgroup/*")]},
            {"Effect": "Allow",
             "Action": ["ssm:CancelCommand", "ssm:DescribeInstanceInformation", "ssm:ListCommandInvocations"],
             "Resource": ["*"]},
            {"Effect": "Allow", "Action": ["ssm:SendCommand"],
             "Resource": [format!("arn:aws:ec2:{region_account}:instance/*")]},
            {"Effect": "Allow", "Action": ["ssm:SendCommand"],
             "Resource": [format!("arn:aws:ssm:{region_account}:managed-instance/*")]},
            {"Effect": "Allow", "Action": ["ssm:SendCommand"],
             "Resource": ["arn:aws:ssm:us-east-1::document/AWS-RunShellScript"]},
            {"Effect": "Allow", "Action": ["ssm:SendCommand"],
             "Resource": ["arn:aws:ssm:us-east-1::document/AWS-RunPowerShellScript"]},
            {"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
             "Resource": [format!("arn:aws:logs:{region_account}:log-group:/aws/codepipeline/*")]},
        ])
    );
}

/// The device pool of the Device Farm tests.
const DEVICE_POOL: &str = "arn:aws:devicefarm:us-west-2:123456789012:devicepool:5e01a8c7-c861-4c0a-b1d5-5ec6e6c6dd23/0d2fbeb6-b2c6-4ccf-bb7d-2d5a2e0b9c0e";

#[test]
fn device_farm_writes_the_project_pool_types_and_the_app_file_of_its_input() {
    let action = added(|s, source| {
        s.add(DeviceFarmTest::new(
            "Devices",
            "5e01a8c7-c861-4c0a-b1d5-5ec6e6c6dd23",
            DEVICE_POOL,
            DeviceFarmAppType::Android,
            source.path("app-release.apk"),
            DeviceFarmTestType::BuiltinFuzz,
        ));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Devices",
            ["Test", "AWS", "DeviceFarm"],
            json!({
                "AppType": "Android",
                "ProjectId": "5e01a8c7-c861-4c0a-b1d5-5ec6e6c6dd23",
                "App": "app-release.apk",
                "DevicePoolArn": DEVICE_POOL,
                "TestType": "BUILTIN_FUZZ"
            })
        )
    );
}

#[test]
fn device_farm_writes_every_package_radio_recording_and_run_setting() {
    let action = added(|s, source| {
        s.add(
            DeviceFarmTest::new(
                "Devices",
                "5e01a8c7-c861-4c0a-b1d5-5ec6e6c6dd23",
                DEVICE_POOL,
                DeviceFarmAppType::Ios,
                source.path("build/app.ipa"),
                DeviceFarmTestType::AppiumPython,
            )
            .test(source.path("build/tests.zip"))
            .appium_version("1.7.2")
            .radio(DeviceFarmRadio::Bluetooth, false)
            .radio(DeviceFarmRadio::Wifi, true)
            .radio(DeviceFarmRadio::Nfc, false)
            .radio(DeviceFarmRadio::Gps, true)
            .record(true, false)
            .unmetered_devices_only(true)
            .job_timeout_minutes(45)
            .fuzz(6000, 50, 1234)
            .location(47.6204, -122.3491)
            .custom_artifacts("/tmp/host-out", "/sdcard/out"),
        );
    });
    assert_eq!(
        action,
        reading_checkout(
            "Devices",
            ["Test", "AWS", "DeviceFarm"],
            json!({
                "AppType": "iOS",
                "ProjectId": "5e01a8c7-c861-4c0a-b1d5-5ec6e6c6dd23",
                "App": "build/app.ipa",
                "DevicePoolArn": DEVICE_POOL,
                "TestType": "APPIUM_PYTHON",
                "Test": "build/tests.zip",
                "AppiumVersion": "1.7.2",
                "RadioBluetoothEnabled": "false",
                "RadioWifiEnabled": "true",
                "RadioNfcEnabled": "false",
                "RadioGpsEnabled": "true",
                "RecordAppPerformanceData": "true",
                "RecordVideo": "false",
                "UnmeteredDevicesOnly": "true",
                "JobTimeoutMinutes": "45",
                "FuzzEventCount": "6000",
                "FuzzEventThrottle": "50",
                "FuzzRandomizerSeed": "1234",
                "Latitude": "47.6204",
                "Longitude": "-122.3491",
                "CustomHostMachineArtifacts": "/tmp/host-out",
                "CustomDeviceArtifacts": "/sdcard/out"
            })
        )
    );
}

#[test]
fn device_farm_role_may_upload_and_schedule_runs() {
    let statements = provider_statements(|s, source| {
        s.add(
            DeviceFarmTest::new(
                "Devices",
                "project",
                DEVICE_POOL,
                DeviceFarmAppType::Web,
                source.path("site.zip"),
                DeviceFarmTestType::AppiumWebPython,
            )
            .role_arn(TARGET_ROLE),
        );
    });
    assert_eq!(
        statements,
        json!([{"Effect": "Allow",
                "Action": ["devicefarm:CreateUpload", "devicefarm:GetRun", "devicefarm:GetUpload",
                           "devicefarm:ListDevicePools", "devicefarm:ListProjects", "devicefarm:ScheduleRun"],
                "Resource": ["*"]}])
    );
}

#[test]
fn service_catalog_configuration_file_writes_the_product_and_the_file_of_its_input() {
    let action = added(|s, source| {
        s.add(ServiceCatalogDeploy::configuration_file("Publish", "prod-ex2jb3jvqqahk", source.path("catalog.json")));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Publish",
            ["Deploy", "AWS", "ServiceCatalog"],
            json!({"ProductId": "prod-ex2jb3jvqqahk", "ConfigurationFilePath": "catalog.json"})
        )
    );
}

#[test]
fn service_catalog_template_writes_the_version_and_the_cloudformation_product_type() {
    let action = added(|s, source| {
        s.add(
            ServiceCatalogDeploy::template("Publish", "prod-ex2jb3jvqqahk", source.path("product.yaml"), "v2")
                .version_description("Adds a queue"),
        );
    });
    assert_eq!(
        action,
        reading_checkout(
            "Publish",
            ["Deploy", "AWS", "ServiceCatalog"],
            json!({
                "ProductId": "prod-ex2jb3jvqqahk",
                "TemplateFilePath": "product.yaml",
                "ProductVersionName": "v2",
                "ProductType": "CLOUD_FORMATION_TEMPLATE",
                "ProductVersionDescription": "Adds a queue"
            })
        )
    );
}

#[test]
fn service_catalog_role_may_add_versions_to_its_product_only() {
    let statements = provider_statements(|s, source| {
        s.add(
            ServiceCatalogDeploy::template("Publish", "prod-ex2jb3jvqqahk", source.path("product.yaml"), "v2")
                .role_arn(TARGET_ROLE),
        );
    });
    assert_eq!(
        statements,
        json!([
            {"Effect": "Allow",
             "Action": ["servicecatalog:CreateProvisioningArtifact", "servicecatalog:DeleteProvisioningArtifact",
                        "servicecatalog:DescribeProvisioningArtifact", "servicecatalog:ListProvisioningArtifacts",
                        "servicecatalog:UpdateProduct"],
             "Resource": ["arn:aws:catalog:us-east-1:987654321098:product/prod-ex2jb3jvqqahk"]},
            {"Effect": "Allow", "Action": ["cloudformation:ValidateTemplate"], "Resource": ["*"]},
        ])
    );
}

#[test]
fn app_config_writes_the_ids_and_the_configuration_file_of_its_input() {
    let action = added(|s, source| {
        s.add(AppConfigDeploy::new("Flags", "abc1234", "env5678", "prof9012", source.path("config/flags.json")));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Flags",
            ["Deploy", "AWS", "AppConfig"],
            json!({
                "Application": "abc1234",
                "Environment": "env5678",
                "ConfigurationProfile": "prof9012",
                "InputArtifactConfigurationPath": "config/flags.json"
            })
        )
    );
}

#[test]
fn app_config_writes_its_deployment_strategy() {
    let action = added(|s, source| {
        s.add(
            AppConfigDeploy::new("Flags", "abc1234", "env5678", "prof9012", source.path("flags.json"))
                .deployment_strategy("AppConfig.Linear50PercentEvery30Seconds"),
        );
    });
    assert_eq!(
        action,
        reading_checkout(
            "Flags",
            ["Deploy", "AWS", "AppConfig"],
            json!({
                "Application": "abc1234",
                "Environment": "env5678",
                "ConfigurationProfile": "prof9012",
                "InputArtifactConfigurationPath": "flags.json",
                "DeploymentStrategy": "AppConfig.Linear50PercentEvery30Seconds"
            })
        )
    );
}

#[test]
fn app_config_role_may_deploy_within_its_application_only() {
    let statements = provider_statements(|s, source| {
        s.add(
            AppConfigDeploy::new("Flags", "abc1234", "env5678", "prof9012", source.path("flags.json"))
                .role_arn(TARGET_ROLE),
        );
    });
    let prefix = "arn:aws:appconfig:us-east-1:987654321098";
    assert_eq!(
        statements,
        json!([
            {"Effect": "Allow", "Action": ["appconfig:StartDeployment"],
             "Resource": [format!("{prefix}:application/abc1234")]},
            {"Effect": "Allow",
             "Action": ["appconfig:GetDeployment", "appconfig:StartDeployment", "appconfig:StopDeployment"],
             "Resource": [format!("{prefix}:application/abc1234/*")]},
            {"Effect": "Allow", "Action": ["appconfig:StartDeployment"],
             "Resource": [format!("{prefix}:deploymentstrategy/*")]},
        ])
    );
}

/// Login with Amazon credentials whose secrets are template parameters.
fn alexa_credentials() -> AlexaCredentials {
    AlexaCredentials {
        client_id: "amzn1.application-oa2-client.example".into(),
        client_secret: cfn::reference("AlexaClientSecret"),
        refresh_token: cfn::reference("AlexaRefreshToken"),
    }
}

#[test]
fn alexa_skills_kit_writes_the_skill_and_credentials_and_reads_the_package() {
    let action = added(|s, source| {
        s.add(AlexaSkillsKitDeploy::new("Skill", "amzn1.ask.skill.example", alexa_credentials(), source));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Skill",
            ["Deploy", "ThirdParty", "AlexaSkillsKit"],
            json!({
                "ClientId": "amzn1.application-oa2-client.example",
                "ClientSecret": {"Ref": "AlexaClientSecret"},
                "RefreshToken": {"Ref": "AlexaRefreshToken"},
                "SkillId": "amzn1.ask.skill.example"
            })
        )
    );
}

#[test]
fn alexa_skills_kit_reads_its_parameter_overrides_as_the_second_input() {
    let pipeline = Pipeline::build("p", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let build =
            p.stage("Build", |s| s.add(CodeBuild::new("Build", "overrides", source.artifact()).output("Overrides")));
        p.stage("Deploy", |s| {
            s.add(
                AlexaSkillsKitDeploy::new("Skill", "amzn1.ask.skill.example", alexa_credentials(), source.artifact())
                    .parameter_overrides(build.artifact()),
            )
        });
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Skill",
            "actionTypeId": {"category": "Deploy", "owner": "ThirdParty", "provider": "AlexaSkillsKit", "version": "1"},
            "configuration": {
                "ClientId": "amzn1.application-oa2-client.example",
                "ClientSecret": {"Ref": "AlexaClientSecret"},
                "RefreshToken": {"Ref": "AlexaRefreshToken"},
                "SkillId": "amzn1.ask.skill.example"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}, {"name": "Overrides"}]
        })
    );
    let findings: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
    assert_eq!(findings, Vec::<String>::new());
}

#[test]
fn ops_works_writes_the_stack_and_app_and_reads_the_source() {
    let action = added(|s, source| {
        s.add(OpsWorksDeploy::new("Deploy", "2f1a0b61-stack", "c2d5ac34-app", source));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Deploy",
            ["Deploy", "AWS", "OpsWorks"],
            json!({"Stack": "2f1a0b61-stack", "App": "c2d5ac34-app"})
        )
    );
}

#[test]
fn ops_works_writes_its_layer() {
    let action = added(|s, source| {
        s.add(OpsWorksDeploy::new("Deploy", "2f1a0b61-stack", "c2d5ac34-app", source).layer("0e6b5ba8-layer"));
    });
    assert_eq!(
        action,
        reading_checkout(
            "Deploy",
            ["Deploy", "AWS", "OpsWorks"],
            json!({"Stack": "2f1a0b61-stack", "App": "c2d5ac34-app", "Layer": "0e6b5ba8-layer"})
        )
    );
}

#[test]
fn ops_works_role_may_deploy_to_its_stack_only() {
    let statements = provider_statements(|s, source| {
        s.add(OpsWorksDeploy::new("Deploy", "2f1a0b61-stack", "c2d5ac34-app", source).role_arn(TARGET_ROLE));
    });
    assert_eq!(
        statements,
        json!([{"Effect": "Allow",
                "Action": ["opsworks:CreateDeployment", "opsworks:DescribeApps", "opsworks:DescribeCommands",
                           "opsworks:DescribeDeployments", "opsworks:DescribeInstances", "opsworks:DescribeStacks",
                           "opsworks:UpdateApp", "opsworks:UpdateStack"],
                "Resource": ["arn:aws:opsworks:us-east-1:987654321098:stack/2f1a0b61-stack/"]}])
    );
}
