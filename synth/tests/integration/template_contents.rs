//! Self-contained templates: parameters, companion resources and
//! `DependsOn` are written, and a reference to anything the template does not
//! declare is a finding; `Pipeline::to_cfn` emits the pipeline alone for a
//! template of the user's own, unchecked.

use pipewright_dsl::prelude::*;
use pipewright_dsl::template::{IamPolicy, Parameter, Resource};
use pipewright_synth::emit::cloudformation;
use pipewright_synth::{Format, Synth, SynthError};
use serde_json::{json, Value};

/// A pipeline whose bucket and role come from the template, with `define`
/// run first.
fn pipeline(define: impl for<'p> FnOnce(&mut PipelineBuilder<'p>)) -> Pipeline {
    Pipeline::build("app", |p| {
        p.region("us-east-1");
        define(p);
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactBucket")));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", cfn::sub("${Env}-build"), source.artifact()));
        });
    })
}

fn role() -> Resource {
    Resource::new(
        "PipelineRole",
        "AWS::IAM::Role",
        json!({"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}),
    )
}

fn template(pipeline: &Pipeline) -> Value {
    let file = cloudformation::emit(pipeline, Format::Json).unwrap();
    serde_json::from_str(&file.contents).unwrap()
}

#[test]
fn every_undeclared_reference_is_a_finding_that_names_it() {
    let pipeline = pipeline(|_| {});
    let parent = tempfile::tempdir().unwrap();
    let error = Synth::new(parent.path().join("out")).add(&pipeline).write().unwrap_err();
    let SynthError::Invalid(findings) = error else { panic!("expected validation errors, got {error}") };
    let found: Vec<(&str, String)> =
        findings.iter().map(|finding| (finding.rule.code(), finding.location.to_string())).collect();
    let at = |path: &str| format!("pipeline \"app\" > template > Resources.AppPipeline.Properties.{path}");
    assert_eq!(
        found,
        [
            ("template-reference-undeclared", at("RoleArn")),
            ("template-reference-undeclared", at("ArtifactStore.Location")),
            ("template-reference-undeclared", at("Stages[1].Actions[0].Configuration.ProjectName")),
        ]
    );
    assert_eq!(
        findings[0].to_string(),
        "error[template-reference-undeclared]: pipeline \"app\" > template > Resources.AppPipeline.Properties.RoleArn: \
         Fn::GetAtt refers to \"PipelineRole\", which the template does not declare: declare it with \
         `p.parameter(Parameter::string(\"PipelineRole\"))` or add the resource with `p.resource(..)`; to place the \
         pipeline in a template of your own, take its resource from `Pipeline::to_cfn(..)`"
    );
    assert!(findings[2].message.starts_with("Fn::Sub refers to \"Env\""));
    assert!(!parent.path().join("out").exists());
}

#[test]
fn declared_parameters_and_resources_make_the_template_self_contained() {
    let policy = IamPolicy::new(
        "PipelinePolicy",
        "pipeline-access",
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}),
    )
    .role(cfn::reference("PipelineRole"));
    let pipeline = pipeline(|p| {
        p.parameter(Parameter::string("Env").default_value("dev").allowed_values(["dev", "prod"]));
        p.parameter(Parameter::string("ArtifactBucket").description("Where artifacts are kept"));
        p.resource(role()).resource(policy).depends_on("PipelinePolicy");
    });
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let report = Synth::new(&out).add(&pipeline).write().unwrap();
    assert!(report.warnings.is_empty());

    let template = template(&pipeline);
    assert_eq!(
        template["Parameters"],
        json!({
            "Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]},
            "ArtifactBucket": {"Type": "String", "Description": "Where artifacts are kept"}
        })
    );
    let resources = template["Resources"].as_object().unwrap();
    assert_eq!(resources.keys().collect::<Vec<_>>(), ["AppPipeline", "PipelineRole", "PipelinePolicy"]);
    let pipeline_resource = resources["AppPipeline"].as_object().unwrap();
    assert_eq!(pipeline_resource.keys().collect::<Vec<_>>(), ["Type", "DependsOn", "Properties"]);
    assert_eq!(pipeline_resource["DependsOn"], json!(["PipelinePolicy"]));
    assert_eq!(resources["PipelinePolicy"]["Properties"]["Roles"], json!([{"Ref": "PipelineRole"}]));

    let manifest: Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["pipelines"][0]["deploy"]["cloudformation"][0]["command"],
        "aws cloudformation deploy --region us-east-1 --template-file app/template.json --stack-name app \
         --parameter-overrides Env=dev ArtifactBucket=\"$ARTIFACT_BUCKET\" --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset"
    );
}

#[test]
fn a_depends_on_or_sub_variable_is_checked_like_a_reference() {
    let pipeline = Pipeline::build("app", |p| {
        p.region("us-east-1");
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3(cfn::sub("${AWS::AccountId}-${!Literal}-artifacts")));
        p.resource(Resource::new("Topic", "AWS::SNS::Topic", json!({})).depends_on("Missing"));
        p.depends_on("Topic");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    });
    let findings = cloudformation::check(&pipeline);
    let found: Vec<String> = findings.iter().map(|finding| finding.location.to_string()).collect();
    assert_eq!(found, ["pipeline \"app\" > template > Resources.Topic.DependsOn"]);
    assert!(findings[0].message.starts_with("DependsOn refers to \"Missing\""));
}

#[test]
fn to_cfn_emits_the_pipeline_alone_for_a_template_of_ones_own() {
    let pipeline = pipeline(|_| {});
    assert!(!cloudformation::check(&pipeline).is_empty(), "synth's own template would not be self-contained");
    let resource = pipeline.to_cfn("Pipeline");
    let properties = resource.to_properties();
    assert_eq!(properties["RoleArn"], json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}));
    assert_eq!(properties["ArtifactStore"]["Location"], json!({"Ref": "ArtifactBucket"}));
}

#[test]
fn two_declarations_with_one_logical_id_are_refused() {
    let pipeline = pipeline(|p| {
        p.parameter(Parameter::string("PipelineRole"));
        p.resource(role());
    });
    let error = cloudformation::emit(&pipeline, Format::Json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot serialize the output: two parameters or resources of the template have the logical id PipelineRole: \
         rename one of them"
    );
}

#[test]
fn a_mapping_is_written_and_reading_one_not_declared_is_a_finding() {
    let declared = |p: &mut PipelineBuilder<'_>| {
        p.parameter(Parameter::string("Env"));
        p.parameter(Parameter::string("ArtifactBucket"));
        p.resource(role());
    };
    let second_region = |p: &mut PipelineBuilder<'_>| {
        p.tag("second-region", cfn::find_in_map("Regions", cfn::reference("AWS::Region"), "Second"));
    };
    let unmapped = pipeline(|p| {
        declared(p);
        second_region(p);
    });
    let findings: Vec<String> = cloudformation::check(&unmapped).iter().map(ToString::to_string).collect();
    assert_eq!(
        findings,
        ["error[template-reference-undeclared]: pipeline \"app\" > template > Resources.AppPipeline.Properties.Tags[0]\
          .Value: Fn::FindInMap refers to \"Regions\", which the template does not declare: declare the mapping with \
          `p.mapping(\"Regions\", ..)`; to place the pipeline in a template of your own, take its resource from \
          `Pipeline::to_cfn(..)`"]
    );
    let mapped = pipeline(|p| {
        declared(p);
        p.mapping("Regions", json!({"us-east-1": {"Second": "us-west-2"}}));
        second_region(p);
    });
    assert_eq!(cloudformation::check(&mapped), []);
    let written = template(&mapped);
    assert_eq!(written["Mappings"], json!({"Regions": {"us-east-1": {"Second": "us-west-2"}}}));
    let sections: Vec<&String> = written.as_object().unwrap().keys().collect();
    assert_eq!(sections, ["AWSTemplateFormatVersion", "Description", "Parameters", "Mappings", "Resources"]);
}

#[test]
fn a_condition_that_refers_to_an_undeclared_parameter_is_a_finding() {
    let pipeline = pipeline(|p| {
        p.parameter(Parameter::string("Env"));
        p.parameter(Parameter::string("ArtifactBucket"));
        p.resource(role());
        p.condition("Production", cfn::equals(cfn::reference("Stage"), "prod"));
    });
    let found: Vec<String> =
        cloudformation::check(&pipeline).iter().map(|finding| finding.location.to_string()).collect();
    assert_eq!(found, ["pipeline \"app\" > template > Conditions.Production.Fn::Equals[0]"]);
}
