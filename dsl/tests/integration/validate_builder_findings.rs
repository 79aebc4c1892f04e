//! A mistake the pipeline builder reports is not reported again by the model
//! rules that see it from the model's side: one mistake, one finding. The
//! same pipeline read back from its JSON, without the builder, gets the model
//! findings instead.

use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::prelude::*;

const ROLE: &str = "arn:aws:iam::111111111111:role/PipelineRole";

fn rendered(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(ToString::to_string).collect()
}

/// The pipeline as a pipeline read from its JSON.
fn read_back(pipeline: &Pipeline) -> Pipeline {
    let json = serde_json::to_string(&pipeline.document()).unwrap();
    Pipeline::from_document(PipelineDocument::from_json(&json).unwrap())
}

#[test]
fn a_source_stage_after_another_stage_is_reported_once() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        p.stage("Approve", |s| {
            s.add(ManualApproval::new("Approve"));
        });
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Compile", "app-build", source.artifact()));
        });
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[source-stage-first]: pipeline "app": the source stage must be the first stage and come only once: call `p.source_stage(...)` once, before any `p.stage(...)`"#
        ]
    );
    assert_eq!(
        rendered(&read_back(&pipeline)),
        [
            r#"error[first-stage-source]: pipeline "app" > stage "Approve": the first stage has no Source action; the first stage holds the pipeline's source actions (at least one)"#,
            r#"error[first-stage-source-only]: pipeline "app" > stage "Approve" > action "Approve": Approval actions cannot be in the first stage, which holds only Source actions; move this one to a later stage"#,
            r#"error[source-outside-first-stage]: pipeline "app" > stage "Source" > action "Checkout": a Source action can only be in the first stage ("Approve"); move it there"#,
        ]
    );
}

#[test]
fn empty_stages_are_reported_beside_the_missing_source_stage() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        p.stage("Approve", |_| ());
        p.stage("Approve2", |_| ());
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[source-stage-first]: pipeline "app": the source stage must be the first stage and come only once: call `p.source_stage(...)` once, before any `p.stage(...)`"#,
            r#"error[stage-action-count]: pipeline "app" > stage "Approve": the stage has 0 actions; a stage has 1 to 50 actions"#,
            r#"error[stage-action-count]: pipeline "app" > stage "Approve2": the stage has 0 actions; a stage has 1 to 50 actions"#,
            r#"error[non-source-action-required]: pipeline "app": the pipeline has no action other than Source actions; add at least one build, test, deploy, approval, invoke or compute action in a later stage"#,
        ]
    );
}

#[test]
fn a_run_order_against_the_artifact_flow_is_reported_once() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            let [built] = s.add(CodeBuild::new("Compile", "app-build", source.artifact()).output("Built")).artifacts;
            s.add(CodeBuild::new("Test", "app-test", built).run_order(1));
        });
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[run-order-data-flow]: pipeline "app" > stage "Build" > action "Test": runOrder 1 runs this action before or beside "Compile" (runOrder 1), whose output artifact "Built" it consumes; use runOrder 2 or more, or drop `.run_order(...)` to derive it"#
        ]
    );
    assert_eq!(
        rendered(&read_back(&pipeline)),
        [
            r#"error[input-artifact-order]: pipeline "app" > stage "Build" > action "Test" > inputArtifacts[0].name: the input artifact "Built" is produced by stage "Build" > action "Compile", which does not run before this action (it is in the same stage with runOrder 1, not lower than this action's runOrder 1); an input must come from an earlier stage, or from an action of the same stage with a lower runOrder"#
        ]
    );
}

#[test]
fn a_run_order_against_a_variable_read_is_reported_once() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Deploy", |s| {
            let stack = s.add(CloudFormationDeploy::create_update(
                "Stack",
                "app",
                source.artifact().path("template.yaml"),
                "arn:aws:iam::111111111111:role/CloudFormationRole",
            ));
            s.add(LambdaInvoke::new("Notify", "notify").user_parameters(stack.vars().get("Url")).run_order(1));
        });
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[run-order-data-flow]: pipeline "app" > stage "Deploy" > action "Notify": runOrder 1 runs this action before or beside "Stack" (runOrder 1), whose output variables it reads; use runOrder 2 or more, or drop `.run_order(...)` to derive it"#
        ]
    );
    assert_eq!(
        rendered(&read_back(&pipeline)),
        [
            r#"error[variable-namespace-order]: pipeline "app" > stage "Deploy" > action "Notify" > configuration.UserParameters: #{Deploy_Stack.Url} reads the namespace of stage "Deploy" > action "Stack", which does not run before this action (it is in the same stage with runOrder 1, not lower than this action's runOrder 1); an action can only read the variables of an action that runs earlier: a previous stage, or the same stage with a lower runOrder; prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
}

#[test]
fn a_missing_role_is_reported_once() {
    let pipeline = Pipeline::build("app", |p| {
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Compile", "app-build", source.artifact()));
        });
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[role-required]: pipeline "app": the pipeline has no service role: call `p.role_arn("arn:aws:iam::<account>:role/<name>")`"#
        ]
    );
    assert_eq!(
        rendered(&read_back(&pipeline)),
        [
            r#"error[role-required]: pipeline "app": the pipeline has no service role (roleArn is empty); set roleArn to an IAM role that trusts codepipeline.amazonaws.com: arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ]
    );
}
