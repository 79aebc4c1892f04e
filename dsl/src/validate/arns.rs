//! ARN shapes: the pipeline's and the actions' roles and the CloudFormation
//! deployment role are errors; ARNs inside other configuration values and the
//! artifact store's KMS key are warnings (a placeholder still synthesizes).

use std::sync::LazyLock;

use regex::Regex;

use super::context::Context;
use super::pattern::anchored;
use crate::model::Str;
use crate::providers;
use crate::{Location, Rule, Violation};

/// The IAM role ARN pattern of the API model,
/// `arn:<partition>:iam::<account>:role/<path and name>`.
static ROLE_ARN: LazyLock<Regex> = LazyLock::new(|| anchored(r"arn:aws(?:-[\w]+)*:iam::[0-9]{12}:role/.*"));
/// An SNS topic ARN.
pub(super) static SNS_TOPIC_ARN: LazyLock<Regex> =
    LazyLock::new(|| anchored(r"arn:aws(-[\w]+)*:sns:[a-z0-9-]+:[0-9]{12}:.+"));
/// A KMS key or alias ARN.
static KMS_ARN: LazyLock<Regex> =
    LazyLock::new(|| anchored(r"arn:aws(-[\w]+)*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+"));
/// The longest role ARN.
const MAX_ROLE_ARN: usize = 1024;
/// What a role ARN looks like, for messages.
const ROLE_SHAPE: &str = "arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)";
/// What a KMS key ARN looks like, for messages.
const KMS_SHAPE: &str = "arn:aws:kms:<region>:<12-digit account>:key/<id> (or :alias/<name>)";

/// An ARN-valued configuration key whose shape is checked, warning only.
struct ArnKey {
    /// The configuration key.
    key: &'static str,
    /// What the value names, e.g. `connection ARN`.
    what: &'static str,
    /// Only values starting with `arn:` are checked (the key also takes ids).
    only_arns: bool,
    /// The whole-value pattern.
    pattern: LazyLock<Regex>,
    /// What a valid value looks like.
    shape: &'static str,
}

/// The ARN-valued configuration keys of the AWS providers.
static ARN_KEYS: [ArnKey; 6] = [
    ArnKey {
        key: "ConnectionArn",
        what: "connection ARN",
        only_arns: false,
        pattern: LazyLock::new(|| {
            anchored(r"arn:aws(-[\w]+)*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection/.+")
        }),
        shape:
            "arn:aws:codestar-connections:<region>:<12-digit account>:connection/<id> (or arn:aws:codeconnections:...)",
    },
    ArnKey {
        key: "NotificationArn",
        what: "SNS topic ARN",
        only_arns: false,
        pattern: LazyLock::new(|| SNS_TOPIC_ARN.clone()),
        shape: "arn:aws:sns:<region>:<12-digit account>:<topic>",
    },
    ArnKey {
        key: "KMSEncryptionKeyARN",
        what: "KMS key ARN",
        only_arns: true,
        pattern: LazyLock::new(|| KMS_ARN.clone()),
        shape: KMS_SHAPE,
    },
    ArnKey {
        key: "StateMachineArn",
        what: "state machine ARN",
        only_arns: false,
        pattern: LazyLock::new(|| anchored(r"arn:aws(-[\w]+)*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:.+")),
        shape: "arn:aws:states:<region>:<12-digit account>:stateMachine:<name>",
    },
    ArnKey {
        key: "DevicePoolArn",
        what: "device pool ARN",
        only_arns: false,
        pattern: LazyLock::new(|| anchored(r"arn:aws(-[\w]+)*:devicefarm:[a-z0-9-]+:[0-9]{12}:devicepool:.+")),
        shape: "arn:aws:devicefarm:<region>:<12-digit account>:devicepool:<id>",
    },
    ArnKey {
        key: "AdministrationRoleArn",
        what: "IAM role ARN",
        only_arns: false,
        pattern: LazyLock::new(|| ROLE_ARN.clone()),
        shape: ROLE_SHAPE,
    },
];

/// Checks the ARNs of the pipeline.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let role = &cx.declaration.role_arn;
    if *role == "" {
        out.push(Violation::new(
            cx.pipeline_location(),
            Rule::RoleRequired,
            format!(
                "the pipeline has no service role (roleArn is empty); set roleArn to an IAM role that trusts \
                 codepipeline.amazonaws.com: {ROLE_SHAPE}"
            ),
        ));
    } else {
        role_arn(cx.pipeline_location().field("roleArn"), Rule::RoleArn, "roleArn", role, out);
    }
    for placed in &cx.actions {
        let location = cx.location(placed);
        if let Some(role) = &placed.action.role_arn {
            role_arn(location.field("roleArn"), Rule::RoleArn, "roleArn", role, out);
        }
        if placed.is_aws(providers::CLOUDFORMATION.name) {
            if let Some(role) = placed.config("RoleArn") {
                let location = location.field("configuration.RoleArn");
                role_arn(
                    location,
                    Rule::CloudFormationRoleArn,
                    "the CloudFormation deployment role RoleArn",
                    role,
                    out,
                );
            }
        }
        for arn_key in &ARN_KEYS {
            let Some(value) = placed.config(arn_key.key).and_then(Str::as_literal) else { continue };
            // An empty value is the error configuration-value-length.
            if value.is_empty() || value.contains("#{") || (arn_key.only_arns && !value.starts_with("arn:")) {
                continue;
            }
            if !arn_key.pattern.is_match(value) {
                out.push(Violation::new(
                    location.field(&format!("configuration.{}", arn_key.key)),
                    Rule::ConfigurationArn,
                    format!(
                        "{} \"{value}\" is not a complete {}: expected {}; the pipeline is still written, but the \
                         action fails when it runs",
                        arn_key.key, arn_key.what, arn_key.shape
                    ),
                ));
            }
        }
    }
    for (field, store) in cx.stores() {
        let Some(id) = store.encryption_key.as_ref().and_then(|key| key.id.as_literal()) else { continue };
        if id.starts_with("arn:") && !KMS_ARN.is_match(id) {
            out.push(Violation::new(
                cx.pipeline_location().field(&field).field("encryptionKey.id"),
                Rule::KmsKeyArn,
                format!("the KMS key \"{id}\" is not a complete key or alias ARN: expected {KMS_SHAPE}"),
            ));
        }
    }
}

/// Reports a literal that is not an IAM role ARN (`what` names it, e.g.
/// `the rule's role`).
pub(super) fn role_arn(location: Location, rule: Rule, what: &str, role: &Str, out: &mut Vec<Violation>) {
    let Some(text) = role.as_literal() else { return };
    if text.contains("#{") || (ROLE_ARN.is_match(text) && text.chars().count() <= MAX_ROLE_ARN) {
        return;
    }
    out.push(Violation::new(location, rule, format!("{what} \"{text}\" is not an IAM role ARN; use {ROLE_SHAPE}")));
}

/// What is wrong with a literal ARN given for the pipeline (the pipeline
/// target of an EventBridge rule, the resource of a notification rule): not
/// a CodePipeline ARN, or one that names another pipeline. An expression is
/// not checked.
pub(super) fn pipeline_arn_problem(cx: &Context<'_>, arn: Option<&Str>) -> Option<String> {
    let text = arn?.as_literal()?;
    let shape = "arn:aws:codepipeline:<region>:<12-digit account>:<pipeline name>";
    let Some(parsed) = crate::arn::Arn::parse(text)
        .filter(|parsed| parsed.service == "codepipeline" && !parsed.region.is_empty() && parsed.has_account())
    else {
        return Some(format!("the pipeline ARN \"{text}\" is not a CodePipeline ARN; use {shape}"));
    };
    match cx.declaration.name.as_literal() {
        Some(name) if parsed.resource != name => Some(format!(
            "the pipeline ARN \"{text}\" names the pipeline \"{}\", not this one (\"{name}\")",
            parsed.resource
        )),
        _ => None,
    }
}
