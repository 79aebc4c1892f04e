//! Variable references inside CloudFormation expressions (`Fn::Sub`,
//! `Fn::Join`, `Fn::If`) are checked like literal ones.

use pipewright_dsl::prelude::*;

use crate::validate_support::rendered;

fn build_with(value: Str) -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("Checkout", "repo", "main").namespace("SourceVariables"))
        });
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", source.artifact()).configuration("Custom", value))
        });
    })
}

#[test]
fn an_unknown_namespace_inside_fn_sub_is_reported_like_a_literal_one() {
    let literal = rendered(&build_with("#{NoSuchNamespace.X}".into()));
    let inside_sub = rendered(&build_with(cfn::sub("${Env}-#{NoSuchNamespace.X}")));
    assert_eq!(literal.len(), 1, "{literal:?}");
    assert!(literal[0].starts_with("error[variable-namespace-unknown]: "), "{literal:?}");
    assert_eq!(inside_sub, literal);
}

#[test]
fn references_inside_fn_join_and_fn_if_are_read_too() {
    let joined = rendered(&build_with(cfn::join("-", [cfn::reference("Env"), "#{NoSuchNamespace.X}".into()])));
    assert_eq!(joined, rendered(&build_with("#{NoSuchNamespace.X}".into())));
    let known = rendered(&build_with(cfn::sub_with(
        "${Env}-#{SourceVariables.CommitId}",
        [("Env", cfn::if_("IsProd", "prod", "#{SourceVariables.BranchName}"))],
    )));
    let undeclared_only: Vec<&String> =
        known.iter().filter(|finding| !finding.contains("template-condition-undeclared")).collect();
    assert_eq!(undeclared_only, Vec::<&String>::new());
}
