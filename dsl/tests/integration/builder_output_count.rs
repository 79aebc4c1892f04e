//! An action whose description declares another number of output artifacts
//! than its handle holds is a finding, never a panic.

use pipewright_dsl::model::ActionCategory;
use pipewright_dsl::prelude::*;
use pipewright_dsl::{ActionSpec, IntoAction, NoVariables, NonSourceAction};

/// A user-defined action: its description is given as is, and its handle
/// holds one output artifact.
struct OneOutputAction<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> IntoAction<'p> for OneOutputAction<'p> {
    type Handle = ActionHandle<'p, 1, NoVariables>;

    fn into_spec(self) -> ActionSpec<'p> {
        self.spec
    }
}

impl<'p> NonSourceAction<'p> for OneOutputAction<'p> {}

/// The description of the user-defined action: none or two outputs.
fn description<'p>(two_outputs: bool) -> ActionSpec<'p> {
    if two_outputs {
        GenericAction::new("Tag", NonSourceCategory::Build, ActionOwner::Custom, "Tagger", "1")
            .output("First")
            .output("Second")
            .into_spec()
    } else {
        ActionSpec::aws("Tag", ActionCategory::Build, "CodeBuild")
    }
}

/// A pipeline whose Build stage holds the user-defined action, whose output
/// the Deploy stage reads.
fn pipeline_with(two_outputs: bool) -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        let built = p.stage("Build", |s| {
            s.add(CodeBuild::new("Compile", "app-build", source.artifact()));
            s.add(OneOutputAction { spec: description(two_outputs) })
        });
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Release", "prod", "app", built.artifact()));
        });
    })
}

fn rendered(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(ToString::to_string).collect()
}

#[test]
fn an_action_that_declares_fewer_outputs_than_its_handle_is_reported() {
    let pipeline = pipeline_with(false);
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[action-output-count]: pipeline "app" > stage "Build" > action "Tag": the action declares 0 output artifacts but its handle holds 1; an `IntoAction` implementation must declare as many outputs in its `ActionSpec` as its `Handle` holds (build the spec with a typed action such as `GenericAction`, whose `.output(..)` setters keep both in step)"#,
            r#"error[configuration-required]: pipeline "app" > stage "Build" > action "Tag" > configuration.ProjectName: the CodeBuild (Build) action needs the configuration key ProjectName; its required keys are ProjectName"#,
        ]
    );
}

#[test]
fn an_action_that_declares_more_outputs_than_its_handle_is_reported() {
    let pipeline = pipeline_with(true);
    let found = rendered(&pipeline);
    assert!(
        found[0].starts_with(
            r#"error[action-output-count]: pipeline "app" > stage "Build" > action "Tag": the action declares 2 output artifacts but its handle holds 1;"#
        ),
        "{found:?}"
    );
    assert_eq!(pipeline.declaration().stages[2].actions[0].input_artifacts.as_ref().unwrap()[0].name, "First");
}
