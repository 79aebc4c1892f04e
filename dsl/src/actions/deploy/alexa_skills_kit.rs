//! `Deploy / ThirdParty / AlexaSkillsKit / 1`: a skill package to an Alexa
//! skill.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// The Login with Amazon credentials an Alexa Skills Kit action deploys
/// with: the security profile's client and a refresh token of the skill's
/// developer.
///
/// `client_secret` and `refresh_token` are secrets: pass them as
/// expressions resolved when the pipeline is deployed (a `NoEcho`
/// parameter, a Secrets Manager dynamic reference), never as literals.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let credentials = AlexaCredentials {
///     client_id: "amzn1.application-oa2-client.example".into(),
///     client_secret: cfn::reference("AlexaClientSecret"),
///     refresh_token: cfn::reference("AlexaRefreshToken"),
/// };
/// assert_eq!(credentials.client_id, "amzn1.application-oa2-client.example");
/// ```
#[derive(Clone, Debug)]
pub struct AlexaCredentials {
    /// `ClientId`: the client ID of the security profile.
    pub client_id: Str,
    /// `ClientSecret`: the client secret of the security profile.
    pub client_secret: Str,
    /// `RefreshToken`: a refresh token from the ASK CLI.
    pub refresh_token: Str,
}

/// `Deploy / ThirdParty / AlexaSkillsKit / 1`: deploys the skill package in
/// an artifact to an Alexa skill; `OVERRIDES` counts the optional second
/// input, parameter overrides for the skill manifest
/// ([`AlexaSkillsKitDeploy::parameter_overrides`]). A third-party action:
/// it takes no Region.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| s.add(CodeBuild::new("Build", "overrides", source.artifact()).output("Overrides")));
///     let credentials = AlexaCredentials {
///         client_id: "amzn1.application-oa2-client.example".into(),
///         client_secret: cfn::reference("AlexaClientSecret"),
///         refresh_token: cfn::reference("AlexaRefreshToken"),
///     };
///     p.stage("Deploy", |s| {
///         s.add(AlexaSkillsKitDeploy::new("Skill", "amzn1.ask.skill.example", credentials, source.artifact())
///             .parameter_overrides(build.artifact()))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct AlexaSkillsKitDeploy<'p, const OVERRIDES: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> AlexaSkillsKitDeploy<'p, 0> {
    /// Deploys the skill package `package` to the skill `skill_id`,
    /// authenticated with `credentials`.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let credentials = AlexaCredentials {
    ///         client_id: "client".into(),
    ///         client_secret: cfn::reference("AlexaClientSecret"),
    ///         refresh_token: cfn::reference("AlexaRefreshToken"),
    ///     };
    ///     p.stage("Deploy", |s| s.add(AlexaSkillsKitDeploy::new("Skill", "amzn1.ask.skill.example", credentials, source.artifact())));
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["SkillId"], "amzn1.ask.skill.example");
    /// ```
    pub fn new(
        name: impl Into<Str>,
        skill_id: impl Into<Text<'p>>,
        credentials: AlexaCredentials,
        package: impl ArtifactInput<'p>,
    ) -> Self {
        let mut spec = providers::ALEXA_SKILLS_KIT.action(name);
        spec.set("ClientId", credentials.client_id);
        spec.set("ClientSecret", credentials.client_secret);
        spec.set("RefreshToken", credentials.refresh_token);
        spec.set("SkillId", skill_id);
        spec.input(package.into_artifact());
        AlexaSkillsKitDeploy { spec }
    }

    /// Adds the second input: an artifact whose parameter overrides are
    /// applied to the skill manifest (at most one).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let build = p.stage("Build", |s| s.add(CodeBuild::new("Build", "b", source.artifact()).output("Overrides")));
    ///     let credentials = AlexaCredentials {
    ///         client_id: "client".into(),
    ///         client_secret: cfn::reference("AlexaClientSecret"),
    ///         refresh_token: cfn::reference("AlexaRefreshToken"),
    ///     };
    ///     p.stage("Deploy", |s| {
    ///         s.add(AlexaSkillsKitDeploy::new("Skill", "skill", credentials, source.artifact())
    ///             .parameter_overrides(build.artifact()))
    ///     });
    /// });
    /// let inputs = pipeline.declaration().stages[2].actions[0].input_artifacts.clone().unwrap();
    /// assert_eq!(inputs[1].name, "Overrides");
    /// ```
    pub fn parameter_overrides(mut self, overrides: impl ArtifactInput<'p>) -> AlexaSkillsKitDeploy<'p, 1> {
        self.spec.input(overrides.into_artifact());
        AlexaSkillsKitDeploy { spec: self.spec }
    }
}

typed_action!(AlexaSkillsKitDeploy<'p, const OVERRIDES: usize>, NonSourceAction, ActionHandle<'p, 0, NoVariables>);
