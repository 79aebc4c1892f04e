//! CloudFormation conditions: declared once as handles, used around stages,
//! actions, tags and values, read and written back with templates, and
//! checked (declared, and artifacts read under their producers' conditions).

use pipewright_dsl::model::cloudformation::{first_expression, read_template};
use pipewright_dsl::prelude::*;
use serde_json::json;

use crate::validate_support::rendered;

const ROLE: &str = "arn:aws:iam::123456789012:role/CodePipelineRole";

/// A pipeline whose test stage and deploy action are under the conditions
/// named (none when `None`): `IsProd` and `IsStaging` compare a parameter,
/// `HasTests` is either, `ProdEu` is `IsProd` in one Region.
fn environments(test_condition: Option<&str>, deploy_condition: Option<&str>) -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("artifacts"));
        let prod = p.condition("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
        let staging = p.condition("IsStaging", cfn::equals(cfn::reference("Env"), "staging"));
        let tests = p.condition("HasTests", cfn::or([(&prod).into(), (&staging).into()]));
        let prod_eu =
            p.condition("ProdEu", cfn::and([(&prod).into(), cfn::equals(cfn::reference("AWS::Region"), "eu-west-1")]));
        let conditions = [prod, staging, tests, prod_eu];
        let named = |name: Option<&str>| conditions.iter().find(|condition| Some(condition.name()) == name);
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let [report] = p.stage("Test", |s| {
            if let Some(condition) = named(test_condition) {
                s.when(condition);
            }
            s.add(CodeBuild::new("Test", "tests", source.artifact()).output("Report")).artifacts
        });
        p.stage("Deploy", |s| {
            let deploy = CodeBuild::new("Deploy", "deploy", report)
                .role_arn(conditions[0].then(cfn::get_att("ProdRole", "Arn")));
            match named(deploy_condition) {
                Some(condition) => s.add(deploy.when(condition)),
                None => s.add(deploy),
            };
        });
    })
}

#[test]
fn conditional_stages_actions_and_values_are_written_with_fn_if() {
    let pipeline = environments(Some("HasTests"), Some("IsProd"));
    let properties = serde_json::to_value(pipeline.cfn_properties()).unwrap();
    let test_stage = &properties["Stages"][1]["Fn::If"];
    assert_eq!(test_stage[0], "HasTests");
    assert_eq!(test_stage[1]["Name"], "Test");
    assert_eq!(test_stage[1]["Actions"][0]["Configuration"]["ProjectName"], "tests");
    assert_eq!(test_stage[2], json!({"Ref": "AWS::NoValue"}));
    let deploy = &properties["Stages"][2]["Actions"][0]["Fn::If"];
    assert_eq!(deploy[0], "IsProd");
    assert_eq!(deploy[1]["Name"], "Deploy");
    assert_eq!(
        deploy[1]["RoleArn"],
        json!({"Fn::If": ["IsProd", {"Fn::GetAtt": ["ProdRole", "Arn"]}, {"Ref": "AWS::NoValue"}]})
    );
    let names: Vec<&str> = pipeline.conditions().iter().map(|condition| condition.name()).collect();
    assert_eq!(names, ["IsProd", "IsStaging", "HasTests", "ProdEu"]);
    assert_eq!(
        serde_json::to_value(pipeline.conditions()[2].expression()).unwrap(),
        json!({"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "IsStaging"}]})
    );
}

#[test]
fn the_api_form_refuses_a_condition_with_its_path() {
    let pipeline = environments(Some("HasTests"), Some("IsProd"));
    let document = serde_json::to_value(pipeline.document()).unwrap();
    let found = first_expression(&document).unwrap();
    assert_eq!(found.path, "pipeline.stages[1]");
    assert_eq!(found.expression.function(), "Fn::If");
}

#[test]
fn an_artifact_produced_under_a_condition_is_read_under_it() {
    let clean = Vec::<String>::new();
    // The same condition, or one the declarations show to imply it:
    // `IsProd` implies `HasTests` (an `Fn::Or` of it), `ProdEu` implies
    // `IsProd` (an `Fn::And` of it).
    for (test, deploy) in [
        (None, None),
        (None, Some("IsProd")),
        (Some("HasTests"), Some("HasTests")),
        (Some("HasTests"), Some("IsProd")),
        (Some("IsProd"), Some("ProdEu")),
        (Some("HasTests"), Some("ProdEu")),
    ] {
        assert_eq!(rendered(&environments(test, deploy)), clean, "test under {test:?}, deploy under {deploy:?}");
    }
    assert_eq!(
        rendered(&environments(Some("HasTests"), None)),
        [
            r#"error[artifact-conditional-producer]: pipeline "app" > stage "Deploy" > action "Deploy" > inputArtifacts[0].name: the input artifact "Report" is produced by stage "Test" > action "Test" only when "HasTests" holds, but this action runs always; put it under the same condition (`.when(&condition)` on the action or its stage)"#
        ]
    );
    assert_eq!(
        rendered(&environments(Some("IsProd"), Some("HasTests"))),
        [
            r#"warning[artifact-condition-differs]: pipeline "app" > stage "Deploy" > action "Deploy" > inputArtifacts[0].name: the input artifact "Report" is produced by stage "Test" > action "Test" only when "IsProd" holds, and this action runs under "HasTests", which need not imply "IsProd"; put it under the producer's conditions, or make sure its conditions imply them"#
        ]
    );
}

#[test]
fn a_condition_that_is_not_declared_is_an_error_naming_it() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn(cfn::if_("IsProd", ROLE, cfn::reference("AWS::NoValue")));
        p.artifact_store(ArtifactStore::s3("artifacts"));
        p.condition("HasTests", cfn::and([cfn::condition_named("IsStaging"), cfn::equals("a", "a")]));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[template-condition-undeclared]: pipeline "app" > RoleArn.Fn::If: the condition "IsProd" is not declared; the template declares "HasTests": declare it with `p.condition("IsProd", cfn::equals(..))` and use the handle it returns"#,
            r#"error[template-condition-undeclared]: pipeline "app" > Conditions.HasTests.Fn::And[0].Condition: the condition "IsStaging" is not declared; the template declares "HasTests": declare it with `p.condition("IsStaging", cfn::equals(..))` and use the handle it returns"#,
        ]
    );
}

const TEMPLATE: &str = "\
Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/CodePipelineRole
      ArtifactStore: {Type: S3, Location: artifacts}
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: '1'}
              Configuration: {RepositoryName: repo, BranchName: main}
              OutputArtifacts: [{Name: Code}]
        - !If
          - IsProd
          - Name: Approve
            Actions:
              - Name: Approve
                ActionTypeId: {Category: Approval, Owner: AWS, Provider: Manual, Version: '1'}
          - !Ref AWS::NoValue
        - Name: Build
          Actions:
            - Name: Package
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: '1'}
              Configuration: {ProjectName: package}
              InputArtifacts: [{Name: Code}]
              OutputArtifacts:
                - Name: Package
                - !If [IsProd, {Name: Extra}, !Ref AWS::NoValue]
            - !If
              - IsProd
              - Name: Build
                ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: '1'}
                Configuration: {ProjectName: project, PrimarySource: Code}
                RunOrder: 2
                InputArtifacts: [{Name: Code}, !If [IsProd, {Name: Extra}, !Ref AWS::NoValue]]
              - !Ref AWS::NoValue
";

#[test]
fn a_template_with_conditional_parts_reads_and_writes_back_equal() {
    let original = pipewright_dsl::model::cloudformation::parse_template(TEMPLATE).unwrap();
    let read = read_template(TEMPLATE).unwrap().remove(0);
    assert_eq!(read.conditions[0].name(), "IsProd");
    let stages = &read.declaration.stages;
    assert_eq!(stages[1].condition.as_deref(), Some("IsProd"));
    assert_eq!(stages[2].actions[1].condition.as_deref(), Some("IsProd"));
    assert_eq!(stages[2].actions[0].output_artifacts.as_ref().unwrap()[1].condition.as_deref(), Some("IsProd"));
    assert_eq!(stages[2].actions[1].input_artifacts.as_ref().unwrap()[1].condition.as_deref(), Some("IsProd"));
    let pipeline = Pipeline::from_cfn(read.clone());
    assert_eq!(pipeline.to_cfn("Pipeline"), read);
    assert_eq!(read.to_properties(), original["Resources"]["Pipeline"]["Properties"]);
    assert_eq!(rendered(&pipeline), Vec::<String>::new());
}

#[test]
fn pipeline_variables_and_triggers_under_a_condition_read_and_write_back() {
    let properties = json!({
        "RoleArn": ROLE,
        "Stages": [],
        "PipelineType": "V2",
        "Variables": [
            {"Name": "Region", "DefaultValue": "eu-west-1"},
            {"Fn::If": ["IsProd", {"Name": "Approver", "DefaultValue": "ops"}, {"Ref": "AWS::NoValue"}]}
        ],
        "Triggers": [
            {"Fn::If": ["IsProd", {"ProviderType": "CodeStarSourceConnection",
                "GitConfiguration": {"SourceActionName": "Source"}}, {"Ref": "AWS::NoValue"}]}
        ]
    });
    let read = pipewright_dsl::model::cloudformation::CfnPipeline::from_properties("Pipeline", &properties).unwrap();
    let variables = read.declaration.variables.as_ref().unwrap();
    assert_eq!((variables[0].condition.as_deref(), variables[1].condition.as_deref()), (None, Some("IsProd")));
    assert_eq!(read.declaration.triggers.as_ref().unwrap()[0].condition.as_deref(), Some("IsProd"));
    assert_eq!(read.to_properties(), properties);
}

/// A pipeline tagged `team` always and `cost-center` per environment.
fn tagged() -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("artifacts"));
        let prod = p.condition("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
        let other = p.condition("IsNotProd", cfn::not(cfn::equals(cfn::reference("Env"), "prod")));
        p.tag("team", "platform");
        p.tag_when(&prod, "cost-center", "production");
        p.tag_when(&other, "cost-center", cfn::sub("${Env}-sandbox"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
    })
}

#[test]
fn conditional_tags_are_written_with_fn_if_and_read_back() {
    let pipeline = tagged();
    let properties = serde_json::to_value(pipeline.cfn_properties()).unwrap();
    assert_eq!(
        properties["Tags"],
        json!([
            {"Key": "team", "Value": "platform"},
            {"Fn::If": ["IsProd", {"Key": "cost-center", "Value": "production"}, {"Ref": "AWS::NoValue"}]},
            {"Fn::If": ["IsNotProd", {"Key": "cost-center", "Value": {"Fn::Sub": "${Env}-sandbox"}}, {"Ref": "AWS::NoValue"}]},
        ])
    );
    let cfn = pipeline.to_cfn("Pipeline");
    let template = json!({"Conditions": {
        "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
        "IsNotProd": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Env"}, "prod"]}]},
    }, "Resources": {"Pipeline": {"Type": "AWS::CodePipeline::Pipeline", "Properties": cfn.to_properties()}}});
    let read = read_template(&template.to_string()).unwrap().remove(0);
    let tags = read.tags.as_deref().unwrap();
    assert_eq!(tags[1].condition.as_deref(), Some("IsProd"));
    assert_eq!(read.to_properties(), properties);
    assert_eq!(rendered(&Pipeline::from_cfn(read)), Vec::<String>::new());
}

#[test]
fn the_api_form_refuses_a_conditional_tag_with_its_path() {
    let document = serde_json::to_value(tagged().document()).unwrap();
    let found = first_expression(&document).unwrap();
    assert_eq!(found.path, "tags[1]");
    assert_eq!(found.expression.function(), "Fn::If");
}

#[test]
fn a_tag_key_is_unique_unless_its_tags_are_under_different_conditions() {
    assert_eq!(rendered(&tagged()), Vec::<String>::new());
    let twice = Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("artifacts"));
        let prod = p.condition("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
        p.tag("cost-center", "shared");
        p.tag_when(&prod, "cost-center", "production");
        p.tag_when(&prod, "owner", "a");
        p.tag_when(&prod, "owner", "b");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
    });
    assert_eq!(
        rendered(&twice),
        [
            r#"error[tag-key-unique]: pipeline "app" > tags[1] > key: the tag key "cost-center" is used twice; each tag key appears once"#,
            r#"error[tag-key-unique]: pipeline "app" > tags[3] > key: the tag key "owner" is used twice; each tag key appears once"#,
        ]
    );
}
