//! Every rule a finding can name, in one table: its code, its severity, its
//! group and what it checks. The crate documentation's rule table
//! (`dsl/RULES.md`) is rendered from this table and checked against it by a
//! test, and `synth explain CODE` prints from it.

use super::Severity;

/// Declares [`Rule`] and its accessors from one row per rule:
/// `Variant = "code", Severity, Group, "what it checks and why";`.
macro_rules! rules {
    ($($variant:ident = $code:literal, $severity:ident, $group:ident, $explanation:literal;)*) => {
        /// A rule a finding can name: every check of the builder, the
        /// validation and synthesis has one, with a stable code such as
        /// `artifact-name-unique`.
        ///
        #[doc = include_str!("../../RULES.md")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = concat!("`", $code, "`: ", $explanation)]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, grouped as findings are reported.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The stable code printed with a finding, e.g. `artifact-name-unique`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)*
                }
            }

            /// Whether a finding of this rule stops synthesis.
            pub fn severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)*
                }
            }

            /// The group of rules this one belongs to.
            pub fn group(self) -> RuleGroup {
                match self {
                    $(Rule::$variant => RuleGroup::$group,)*
                }
            }

            /// One line on what the rule checks and why.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Rule::$variant => $explanation,)*
                }
            }
        }
    };
}

impl Rule {
    /// The rule with this code, e.g. `Rule::from_code("tag-count")`.
    ///
    /// ```
    /// use pipewright_dsl::{Rule, Severity};
    ///
    /// assert_eq!(Rule::from_code("tag-count"), Some(Rule::TagCount));
    /// assert_eq!(Rule::from_code("plaintext-secret").map(Rule::severity), Some(Severity::Warning));
    /// assert_eq!(Rule::from_code("no-such-rule"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.code() == code)
    }
}

/// A group of rules, in the order findings are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RuleGroup {
    /// Mistakes the pipeline builder sees where they are made.
    Builder,
    /// Names and their patterns.
    Names,
    /// Names that must not repeat.
    Uniqueness,
    /// Stages and their actions.
    Structure,
    /// Input and output artifacts.
    Artifacts,
    /// The runOrder of actions.
    RunOrder,
    /// Artifact stores, Regions and KMS key ids.
    ArtifactStores,
    /// IAM role and other ARNs.
    Arns,
    /// Variable references.
    Variables,
    /// What only V2 pipelines have.
    V2,
    /// Triggers and their filters.
    Triggers,
    /// Stage conditions and their rules.
    Conditions,
    /// Action providers and their configuration.
    Providers,
    /// CodeBuild environment variables and secrets in plain text.
    EnvironmentVariables,
    /// Size limits of lists and values.
    Sizes,
    /// Actions that run in another account.
    CrossAccount,
    /// Pipeline tags.
    Tags,
    /// Disabled stage transitions.
    Transitions,
    /// EventBridge rules declared with the pipeline.
    EventRules,
    /// CodeStar notification rules declared with the pipeline.
    NotificationRules,
    /// Deriving the cross-account role templates.
    CrossAccountTemplates,
    /// The support resources synth generates (service role, artifact
    /// buckets, KMS keys).
    Support,
    /// Writing the output folder.
    Output,
}

impl RuleGroup {
    /// Every group, in the order findings are reported.
    pub const ALL: &'static [RuleGroup] = &[
        RuleGroup::Builder,
        RuleGroup::Names,
        RuleGroup::Uniqueness,
        RuleGroup::Structure,
        RuleGroup::Artifacts,
        RuleGroup::RunOrder,
        RuleGroup::ArtifactStores,
        RuleGroup::Arns,
        RuleGroup::Variables,
        RuleGroup::V2,
        RuleGroup::Triggers,
        RuleGroup::Conditions,
        RuleGroup::Providers,
        RuleGroup::EnvironmentVariables,
        RuleGroup::Sizes,
        RuleGroup::CrossAccount,
        RuleGroup::Tags,
        RuleGroup::Transitions,
        RuleGroup::EventRules,
        RuleGroup::NotificationRules,
        RuleGroup::CrossAccountTemplates,
        RuleGroup::Support,
        RuleGroup::Output,
    ];

    /// The group's title, e.g. `artifact stores and Regions`.
    pub fn title(self) -> &'static str {
        match self {
            RuleGroup::Builder => "pipeline builder",
            RuleGroup::Names => "names",
            RuleGroup::Uniqueness => "uniqueness",
            RuleGroup::Structure => "structure",
            RuleGroup::Artifacts => "artifacts",
            RuleGroup::RunOrder => "runOrder",
            RuleGroup::ArtifactStores => "artifact stores and Regions",
            RuleGroup::Arns => "ARNs",
            RuleGroup::Variables => "variables",
            RuleGroup::V2 => "V2",
            RuleGroup::Triggers => "triggers",
            RuleGroup::Conditions => "stage conditions",
            RuleGroup::Providers => "providers",
            RuleGroup::EnvironmentVariables => "environment variables",
            RuleGroup::Sizes => "sizes",
            RuleGroup::CrossAccount => "cross-account",
            RuleGroup::Tags => "tags",
            RuleGroup::Transitions => "disabled transitions",
            RuleGroup::EventRules => "EventBridge rules",
            RuleGroup::NotificationRules => "notification rules",
            RuleGroup::CrossAccountTemplates => "cross-account role templates",
            RuleGroup::Support => "generated support resources",
            RuleGroup::Output => "output folder",
        }
    }
}

rules! {
    ActionOutputCount = "action-output-count", Error, Builder,
        "An action declares as many output artifacts as its handle holds, so later actions read outputs that exist.";
    SourceStageFirst = "source-stage-first", Error, Builder,
        "The source stage is defined once and before every other stage, because CodePipeline runs source actions only in the first stage.";
    RunOrderDataFlow = "run-order-data-flow", Error, Builder,
        "An explicit runOrder does not run an action before or beside an action of its stage whose artifacts or variables it reads.";

    PipelineName = "pipeline-name", Error, Names,
        "The pipeline name uses 1 to 100 characters from `[A-Za-z0-9.@-_]`, as AWS requires.";
    StageName = "stage-name", Error, Names,
        "A stage name uses 1 to 100 characters from `[A-Za-z0-9.@-_]`, as AWS requires.";
    ActionName = "action-name", Error, Names,
        "An action name uses 1 to 100 characters from `[A-Za-z0-9.@-_]`, as AWS requires.";
    ArtifactName = "artifact-name", Error, Names,
        "An artifact name uses 1 to 100 characters from `[A-Za-z0-9_-]`, as AWS requires.";
    NamespaceName = "namespace-name", Error, Names,
        "A variable namespace uses 1 to 100 characters from `[A-Za-z0-9@_-]`, as AWS requires.";
    NamespaceReserved = "namespace-reserved", Error, Names,
        "A variable namespace is not one CodePipeline reserves for itself (codepipeline, variables).";
    VariableName = "variable-name", Error, Names,
        "A pipeline variable name uses 1 to 128 characters from `[A-Za-z0-9@_-]`, as AWS requires.";
    ProviderName = "provider-name", Error, Names,
        "An action's provider name uses 1 to 35 characters from `[0-9A-Za-z_-]`, as AWS requires.";
    ProviderVersion = "provider-version", Error, Names,
        "An action's provider version uses 1 to 9 characters from `[0-9A-Za-z_-]`, as AWS requires.";
    EnvironmentVariableName = "environment-variable-name", Error, Names,
        "An action environment variable name uses 1 to 128 characters from `[A-Za-z0-9_]`, as AWS requires.";
    ConditionRuleName = "condition-rule-name", Error, Names,
        "A stage condition's rule name uses 1 to 100 characters from `[A-Za-z0-9.@-_]`, as AWS requires.";

    StageNameUnique = "stage-name-unique", Error, Uniqueness,
        "No two stages of a pipeline share a name; AWS rejects the pipeline otherwise.";
    ActionNameUnique = "action-name-unique", Error, Uniqueness,
        "No two actions of a stage share a name; AWS rejects the pipeline otherwise.";
    ArtifactNameUnique = "artifact-name-unique", Error, Uniqueness,
        "No two output artifacts of a pipeline share a name, so every input names exactly one producer.";
    NamespaceUnique = "namespace-unique", Error, Uniqueness,
        "No two actions declare the same variable namespace, so every variable reference names exactly one action.";
    NamespaceArtifactClash = "namespace-artifact-clash", Error, Uniqueness,
        "A variable namespace is not also the name of an artifact; AWS rejects the pipeline otherwise.";
    VariableNameUnique = "variable-name-unique", Error, Uniqueness,
        "No two pipeline variables share a name.";

    StageCount = "stage-count", Error, Structure,
        "A pipeline has between 2 and 50 stages, as AWS requires.";
    FirstStageSource = "first-stage-source", Error, Structure,
        "The first stage holds the pipeline's Source actions; a pipeline without them cannot start.";
    StageActionCount = "stage-action-count", Error, Structure,
        "A stage has between 1 and 50 actions, as AWS requires.";
    FirstStageSourceOnly = "first-stage-source-only", Error, Structure,
        "The first stage holds only Source actions; AWS rejects other actions there.";
    SourceOutsideFirstStage = "source-outside-first-stage", Error, Structure,
        "A Source action is only in the first stage; AWS rejects it anywhere else.";
    PipelineActionCount = "pipeline-action-count", Error, Structure,
        "A pipeline has at most 500 actions, as AWS requires.";
    NonSourceActionRequired = "non-source-action-required", Error, Structure,
        "A pipeline has at least one action that is not a Source action; AWS rejects a pipeline of sources only.";
    TemplateConditionUndeclared = "template-condition-undeclared", Error, Structure,
        "Every CloudFormation condition a stage, action, artifact or value names (`Fn::If`, `Condition`) is declared in the template's `Conditions` (`p.condition(..)`), or CloudFormation rejects the template.";

    InputArtifactUnknown = "input-artifact-unknown", Error, Artifacts,
        "Every input artifact is produced by some action of the pipeline.";
    InputArtifactOrder = "input-artifact-order", Error, Artifacts,
        "Every input artifact is produced by an action that runs before the action reading it.";
    ArtifactCount = "artifact-count", Error, Artifacts,
        "An action has as many input and output artifacts as its provider takes.";
    ArtifactPathInput = "artifact-path-input", Error, Artifacts,
        "A configuration value that names a file (such as TemplatePath) is `artifact::path` and names an input artifact of the action.";
    ArtifactNameInput = "artifact-name-input", Error, Artifacts,
        "A configuration value that names an artifact (such as PrimarySource) names an input artifact of the action.";
    PrimarySourceRequired = "primary-source-required", Error, Artifacts,
        "A CodeBuild action with more than one input artifact names its PrimarySource, or CodeBuild cannot tell which to build.";
    ArtifactConditionalProducer = "artifact-conditional-producer", Error, Artifacts,
        "An artifact produced only under a CloudFormation condition is not read by an action that always runs: when the condition does not hold, the input is missing.";
    ArtifactConditionDiffers = "artifact-condition-differs", Warning, Artifacts,
        "An artifact produced under a CloudFormation condition is read under other conditions, which need not imply the producer's; put the reader under the producer's conditions.";

    RunOrderRange = "run-order-range", Error, RunOrder,
        "An action's runOrder is between 1 and 999, as AWS requires.";

    ArtifactStoreExactlyOne = "artifact-store-exactly-one", Error, ArtifactStores,
        "A pipeline sets exactly one of artifactStore (single Region) and artifactStores (one per Region).";
    ArtifactStoreBucket = "artifact-store-bucket", Error, ArtifactStores,
        "An artifact store's location is an S3 bucket name, not an ARN or a path.";
    KmsKeyIdLength = "kms-key-id-length", Error, ArtifactStores,
        "An artifact store's KMS key id has 1 to 400 characters, as AWS requires.";
    RegionName = "region-name", Error, ArtifactStores,
        "A Region is a Region name such as us-east-1.";
    ArtifactStoreRegionUnique = "artifact-store-region-unique", Error, ArtifactStores,
        "artifactStores has at most one store per Region.";
    ArtifactStorePipelineRegion = "artifact-store-pipeline-region", Error, ArtifactStores,
        "artifactStores has a store for the pipeline's own Region, which a cross-Region pipeline needs.";
    RegionNotAllowed = "region-not-allowed", Error, ArtifactStores,
        "Only actions that can run in another Region set a region.";
    ActionRegionStore = "action-region-store", Error, ArtifactStores,
        "An action in another Region has an artifact store in that Region, or CodePipeline cannot hand it artifacts.";

    RoleRequired = "role-required", Error, Arns,
        "The pipeline has a service role (roleArn), which CodePipeline assumes to run it.";
    RoleArn = "role-arn", Error, Arns,
        "A roleArn is an IAM role ARN (`arn:aws:iam::<account>:role/<name>`).";
    CloudFormationRoleArn = "cloudformation-role-arn", Error, Arns,
        "A CloudFormation action's RoleArn is an IAM role ARN (`arn:aws:iam::<account>:role/<name>`).";
    ConfigurationArn = "configuration-arn", Warning, Arns,
        "A configuration value that holds an ARN looks like a complete ARN; a placeholder or partial ARN fails at run time.";
    KmsKeyArn = "kms-key-arn", Warning, Arns,
        "An artifact store's KMS key is a complete key or alias ARN; a bare id or alias only works in the pipeline's own account.";

    VariableKeyUnknown = "variable-key-unknown", Warning, Variables,
        "A variable reference names a variable the action's provider emits; an unknown key resolves to nothing at run time.";
    VariableKeyUndeclared = "variable-key-undeclared", Error, Variables,
        "A variable reference to a Commands action names one of the variables its outputVariables declare.";
    VariableNamespaceOrder = "variable-namespace-order", Error, Variables,
        "A variable reference names the namespace of an action that runs before the action reading it.";
    VariableNamespaceUnknown = "variable-namespace-unknown", Error, Variables,
        "A variable reference names a namespace some action declares.";
    PipelineVariableInSource = "pipeline-variable-in-source", Error, Variables,
        "A Source action does not read pipeline variables (#{variables.x}); CodePipeline does not resolve them there.";
    PipelineVariableUndeclared = "pipeline-variable-undeclared", Error, Variables,
        "A reference #{variables.x} names a declared pipeline variable.";

    RequiresV2 = "requires-v2", Error, V2,
        "A feature only V2 pipelines have (variables, triggers, conditions, execution modes...) is used with pipelineType V2.";
    RollbackInParallel = "rollback-in-parallel", Error, V2,
        "A stage does not roll back on failure in the PARALLEL execution mode, which does not support it.";

    TriggerCount = "trigger-count", Error, Triggers,
        "A pipeline has at most 50 triggers, as AWS requires.";
    TriggerSourceAction = "trigger-source-action", Error, Triggers,
        "A trigger names a source action of the pipeline that supports triggers (a CodeStarSourceConnection action).";
    TriggerSourceActionUnique = "trigger-source-action-unique", Error, Triggers,
        "A source action is started by at most one trigger.";
    TriggerFilterSize = "trigger-filter-size", Error, Triggers,
        "A trigger's filter lists, patterns and events stay within the sizes AWS accepts.";
    TriggerPushFilter = "trigger-push-filter", Error, Triggers,
        "A push filter has tags, branches, or branches with filePaths, the combinations AWS accepts.";
    TriggerPullRequestFilter = "trigger-pull-request-filter", Error, Triggers,
        "A pull-request filter has branches (the destination branches), optionally with filePaths.";

    ConditionCount = "condition-count", Error, Conditions,
        "A stage's beforeEntry, onSuccess or onFailure block has exactly one condition, as AWS requires.";
    ConditionRuleCount = "condition-rule-count", Error, Conditions,
        "A condition has 1 to 5 rules, as AWS requires.";
    ConditionRuleProvider = "condition-rule-provider", Warning, Conditions,
        "A condition rule's provider is one AWS offers (CloudWatchAlarm, CodeBuild, Commands, DeploymentWindow, LambdaInvoke, VariableCheck); another is likely a typo.";
    ConditionRuleInput = "condition-rule-input", Error, Conditions,
        "A condition rule reads only artifacts produced before it is evaluated.";

    ProviderCategory = "provider-category", Error, Providers,
        "An action's provider belongs to the action's category (a CodeBuild action is Build or Test, not Deploy).";
    ProviderUnknown = "provider-unknown", Warning, Providers,
        "An action's provider is one pipewright knows; an unknown one is likely a typo, and its configuration goes unchecked.";
    ProviderDeprecated = "provider-deprecated", Warning, Providers,
        "An action's provider is not deprecated by AWS; the warning names its replacement.";
    ConfigurationRequired = "configuration-required", Error, Providers,
        "An action has every configuration key its provider needs.";
    ConfigurationValue = "configuration-value", Error, Providers,
        "A configuration value is one its provider accepts (an enumerated value, a boolean, a number in range).";
    TimeoutRange = "timeout-range", Error, Providers,
        "An action's timeoutInMinutes is within the range its provider allows.";
    ProviderOnlyField = "provider-only-field", Error, Providers,
        "Fields only some providers take (commands, outputVariables, environmentVariables...) appear only on those actions.";

    CodeBuildEnvironmentVariables = "codebuild-environment-variables", Error, EnvironmentVariables,
        "A CodeBuild action's EnvironmentVariables is a JSON list of {\"name\", \"value\", \"type\"} objects.";
    PlaintextSecret = "plaintext-secret", Warning, EnvironmentVariables,
        "A plain-text environment variable holds no value that looks like a secret; its value is readable by anyone who can read the pipeline.";
    PlaintextCredential = "plaintext-credential", Warning, EnvironmentVariables,
        "A command or value holds nothing that looks like a credential (an access key, a token); it is readable by anyone who can read the pipeline.";
    PlaintextSecretName = "plaintext-secret-name", Warning, EnvironmentVariables,
        "A plain-text environment variable is not named like a secret (PASSWORD, TOKEN...); a secret belongs in Secrets Manager or Parameter Store.";

    ConfigurationKeyLength = "configuration-key-length", Error, Sizes,
        "A configuration key has 1 to 50 characters, as AWS requires.";
    ConfigurationValueLength = "configuration-value-length", Error, Sizes,
        "A configuration value has 1 to 1000 characters, as AWS requires.";
    CommandsSize = "commands-size", Error, Sizes,
        "A Commands action has 1 to 50 commands of at most 1000 characters each.";
    OutputVariablesSize = "output-variables-size", Error, Sizes,
        "An action declares 1 to 15 outputVariables of at most 128 characters each.";
    OutputFilesSize = "output-files-size", Error, Sizes,
        "An output artifact lists 1 to 10 files of at most 128 characters each.";
    EnvironmentVariablesSize = "environment-variables-size", Error, Sizes,
        "An action has 1 to 10 environmentVariables, each within the sizes AWS accepts.";
    VariablesSize = "variables-size", Error, Sizes,
        "A pipeline has at most 50 variables, with default values of 1 to 1000 and descriptions of at most 200 characters.";

    CustomActionRole = "custom-action-role", Error, CrossAccount,
        "A Custom action has no roleArn: CodePipeline assumes no role for it, so it cannot run in another account.";
    CrossAccountDetection = "cross-account-detection", Warning, CrossAccount,
        "The pipeline's roleArn is a literal ARN, so pipewright can tell which actions run in another account and check them.";
    CloudFormationRoleAccount = "cloudformation-role-account", Error, CrossAccount,
        "A CloudFormation action's deployment role is in the account the action runs in.";
    CrossAccountKmsKey = "cross-account-kms-key", Error, CrossAccount,
        "An artifact store serving a cross-account action has a customer-managed KMS key, which the other account can be allowed to use.";
    CrossAccountCodeBuildOutput = "cross-account-codebuild-output", Error, CrossAccount,
        "A CodeBuild action in another account has no output artifacts, which CodePipeline cannot hand back.";
    CrossAccountArtifact = "cross-account-artifact", Error, CrossAccount,
        "An artifact does not pass between two accounts other than the pipeline's.";
    CrossAccountPermissions = "cross-account-permissions", Warning, CrossAccount,
        "pipewright knows what a cross-account action's provider needs; otherwise its role template grants only the artifact access.";
    CrossAccountKmsKeyArn = "cross-account-kms-key-arn", Warning, CrossAccount,
        "A KMS key used by actions in other accounts is an ARN; a bare id or alias would be looked up in their account.";

    TagCount = "tag-count", Error, Tags,
        "A pipeline has at most 50 tags, as AWS requires.";
    TagSize = "tag-size", Error, Tags,
        "A tag key has 1 to 128 characters and a tag value at most 256.";
    TagKeyUnique = "tag-key-unique", Error, Tags,
        "No two tags share a key, unless they are set under different CloudFormation conditions.";

    TransitionStage = "transition-stage", Error, Transitions,
        "A disabled transition names a stage of the pipeline.";
    TransitionReason = "transition-reason", Error, Transitions,
        "A disabled transition's reason has the length and characters AWS accepts.";

    EventRuleName = "event-rule-name", Error, EventRules,
        "An EventBridge rule name uses 1 to 64 characters from `[.-_A-Za-z0-9]`, as EventBridge requires.";
    EventRuleNameUnique = "event-rule-name-unique", Error, EventRules,
        "No two EventBridge rules of a pipeline share a name.";
    EventRuleDescription = "event-rule-description", Error, EventRules,
        "An EventBridge rule's description has at most 512 characters.";
    EventRuleTargets = "event-rule-targets", Error, EventRules,
        "An EventBridge rule has at most 5 targets.";
    EventRuleTargetArn = "event-rule-target-arn", Error, EventRules,
        "An EventBridge rule's target is an ARN.";
    EventRuleRole = "event-rule-role", Error, EventRules,
        "An EventBridge rule's role is an IAM role ARN.";
    EventRuleSchedule = "event-rule-schedule", Error, EventRules,
        "An EventBridge rule's schedule is a valid rate or cron expression.";
    EventRuleSource = "event-rule-source", Error, EventRules,
        "An EventBridge rule that starts the pipeline on source changes names a source action it can watch.";
    PollForSourceChanges = "poll-for-source-changes", Error, EventRules,
        "A source action watched by an event rule does not also poll, or each change would start the pipeline twice.";
    EventRuleStage = "event-rule-stage", Error, EventRules,
        "An EventBridge rule that reports stage events names a stage of the pipeline.";
    EventRulePattern = "event-rule-pattern", Error, EventRules,
        "A custom event pattern is a JSON object whose keys are event fields, each a list of values (detail an object).";
    EventRulePipelineArn = "event-rule-pipeline-arn", Error, EventRules,
        "The pipeline ARN an EventBridge rule targets, when given as a literal, is the CodePipeline ARN of its pipeline.";

    NotificationRuleName = "notification-rule-name", Error, NotificationRules,
        "A notification rule name uses 1 to 64 letters, digits, spaces, '-' or '_'.";
    NotificationRuleNameUnique = "notification-rule-name-unique", Error, NotificationRules,
        "No two notification rules of a pipeline share a name.";
    NotificationRuleEvents = "notification-rule-events", Error, NotificationRules,
        "A notification rule reports at least one pipeline event.";
    NotificationRuleTargets = "notification-rule-targets", Error, NotificationRules,
        "A notification rule has 1 to 10 targets.";
    NotificationTarget = "notification-target", Error, NotificationRules,
        "A notification target's address has the shape its target type needs (an SNS topic ARN, a Chatbot Slack channel ARN).";
    NotificationRuleResource = "notification-rule-resource", Error, NotificationRules,
        "A notification rule's resource, when given as a literal, is the CodePipeline ARN of its pipeline.";

    CrossAccountRegion = "cross-account-region", Error, CrossAccountTemplates,
        "An action with a role in another account has a known Region, which its role template needs.";
    CrossAccountTemplate = "cross-account-template", Error, CrossAccountTemplates,
        "Every setting a cross-account role template needs (account, bucket, key) is known when the templates are written.";
    DeploymentRolePermissions = "deployment-role-permissions", Error, CrossAccountTemplates,
        "A CloudFormation deployment role in another account whose role template synth writes has its permissions given (managed policies or statements); without them it could deploy nothing. Roles that exist already (`TargetAccountRoles::existing()`) need none.";

    SupportAccount = "support-account", Error, Support,
        "A pipeline whose service role synth generates names its account (`p.account(..)`), which the role's ARN needs.";
    SupportRegion = "support-region", Error, Support,
        "A pipeline whose service role or artifact buckets synth generates has a Region, which names the buckets and their stacks.";
    SupportName = "support-name", Error, Support,
        "A pipeline whose support resources synth generates has a literal name, which names the role, buckets and keys.";
    ServiceRolePermissions = "service-role-permissions", Warning, Support,
        "pipewright knows what each action run with the generated service role needs; otherwise that role cannot run the action until it is granted more.";
    PolicySize = "policy-size", Warning, Support,
        "A generated role's policies stay within IAM's size limits (10,240 characters of inline policy per role, 6,144 per managed policy), or the deploy fails.";

    PipelineNameUnique = "pipeline-name-unique", Error, Output,
        "No two pipelines of an App share a name; each names its output folder.";
    PipelineNameLiteral = "pipeline-name-literal", Error, Output,
        "A pipeline whose name is not a literal (an expression, or one CloudFormation generates) has a logical id, which names its template resource and its output folder.";
    PipelineLogicalId = "pipeline-logical-id", Error, Output,
        "A pipeline's logical id is 1 to 255 ASCII letters and digits, as CloudFormation requires.";
    PipelineNameFolder = "pipeline-name-folder", Error, Output,
        "A pipeline's name can name a folder (it is not `.`, `..` or the manifest's name).";
    StackName = "stack-name", Error, Output,
        "A stack's name is a CloudFormation stack name (a letter, then letters, digits and '-', 128 at most) and names no other stack's or pipeline's folder.";
    PipelineJson = "pipeline-json", Error, Output,
        "The pipeline can be written as pipeline.json, the input of `aws codepipeline create-pipeline`.";
    Template = "template", Error, Output,
        "The pipeline can be written as a CloudFormation template.";
    TemplateReferenceUndeclared = "template-reference-undeclared", Error, Output,
        "Every `Ref`, `Fn::GetAtt`, `Fn::Sub` `${Name}` and `DependsOn` of a template names a parameter or resource it declares, or a pseudo parameter.";
    EventRuleCli = "event-rule-cli", Error, Output,
        "An EventBridge rule can be written as AWS CLI input (its pipeline ARN and role are known).";
    NotificationRuleCli = "notification-rule-cli", Error, Output,
        "A notification rule can be written as AWS CLI input (its pipeline ARN is known).";
    RoleNameCollision = "role-name-collision", Warning, Output,
        "No two pipelines of one synth create a role of the same name in one account; the second stack would fail with EntityAlreadyExists.";
    PipelineRegionUnset = "pipeline-region-unset", Warning, Output,
        "A pipeline synth writes deploy commands for names its Region; without one the commands and the cloud assembly use whatever Region the AWS CLI is configured with.";
}
