//! Values as Rust expressions: string literals, CloudFormation expressions
//! as `cfn::` calls, and `#{namespace.Key}` references as typed variable
//! reads joined with [`pipewright_dsl::Text::concat`].

use std::cell::RefCell;

use pipewright_dsl::model::{Expr, Str};

thread_local! {
    /// The template conditions bound to handles in the function being
    /// written, as (condition name, identifier): `Fn::If` on one of them is
    /// written with the handle.
    static CONDITION_HANDLES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `write` with `handles` bound: an `Fn::If` on one of those
/// conditions is written `handle.then(..).otherwise(..)`, or
/// `Str::from(handle.then(..))` when the other branch is `AWS::NoValue`.
pub(super) fn with_condition_handles<R>(handles: &[(String, String)], write: impl FnOnce() -> R) -> R {
    CONDITION_HANDLES.with(|bound| *bound.borrow_mut() = handles.to_vec());
    let written = write();
    CONDITION_HANDLES.with(|bound| bound.borrow_mut().clear());
    written
}

/// The identifier bound to the condition `name`, if any.
pub(super) fn condition_handle(name: &str) -> Option<String> {
    CONDITION_HANDLES
        .with(|bound| bound.borrow().iter().find(|(condition, _)| condition == name).map(|(_, handle)| handle.clone()))
}

/// A piece of a configuration value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// Text written as is.
    Literal(&'a str),
    /// `#{namespace.key}`.
    Reference { namespace: &'a str, key: &'a str },
}

/// Splits `text` at its `#{namespace.key}` references; anything that is not
/// a well-formed reference stays literal.
pub(super) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("#{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let inside = &after[..end];
        match inside.split_once('.') {
            Some((namespace, key)) if is_name(namespace) && is_name(key) => {
                if start > 0 {
                    pieces.push(Piece::Literal(&rest[..start]));
                }
                pieces.push(Piece::Reference { namespace, key });
            }
            _ => pieces.push(Piece::Literal(&rest[..start + 3 + end])),
        }
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Literal(rest));
    }
    pieces
}

/// Whether `name` may be a namespace or a variable key.
fn is_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '-' | '_'))
}

/// `text` as a Rust string literal: a raw string when it holds quotes or
/// backslashes and no control characters, else an escaped one.
pub(super) fn string_literal(text: &str) -> String {
    let needs_escapes = text.contains(['"', '\\']);
    if needs_escapes && !text.chars().any(char::is_control) {
        let hashes = "#".repeat(longest_hash_run_after_quote(text) + 1);
        format!("r{hashes}\"{text}\"{hashes}")
    } else {
        format!("{text:?}")
    }
}

/// The longest run of `#` that follows a `"` in `text`, which a raw
/// string's delimiter must outnumber.
fn longest_hash_run_after_quote(text: &str) -> usize {
    text.split('"').skip(1).map(|after| after.chars().take_while(|&c| c == '#').count()).max().unwrap_or(0)
}

/// A [`Str`] as a Rust expression that converts into `Str`: a literal, or
/// the `cfn::` call that builds the expression; `None` for an expression
/// no `cfn::` function writes.
pub(super) fn str_expression(value: &Str) -> Option<String> {
    match value {
        Str::Literal(text) => Some(string_literal(text)),
        Str::Expr(expr) => cfn_call(expr),
    }
}

/// The `cfn::` call that writes `expr`, its arguments converted the same
/// way; `None` when a function or an argument has no `cfn::` form.
fn cfn_call(expr: &Expr) -> Option<String> {
    use serde_json::Value;
    let argument = expr.argument();
    let list = argument.as_array().map(Vec::as_slice);
    match (expr.function(), argument, list) {
        ("Ref", Value::String(name), _) => Some(format!("cfn::reference({})", string_literal(name))),
        ("Fn::Sub", Value::String(template), _) => Some(format!("cfn::sub({})", string_literal(template))),
        ("Fn::ImportValue", export, _) => Some(format!("cfn::import_value({})", into_str(export)?)),
        ("Fn::GetAtt", _, Some([Value::String(resource), Value::String(attribute)])) => {
            Some(format!("cfn::get_att({}, {})", string_literal(resource), string_literal(attribute)))
        }
        ("Fn::Join", _, Some([Value::String(separator), Value::Array(parts)])) => {
            let parts: Option<Vec<String>> = parts.iter().map(str_value).collect();
            Some(format!("cfn::join({}, [{}])", string_literal(separator), parts?.join(", ")))
        }
        ("Fn::If", _, Some([Value::String(condition), then, otherwise])) => match condition_handle(condition) {
            Some(handle) if otherwise.get("Ref").is_some_and(|name| name == "AWS::NoValue") => {
                Some(format!("Str::from({handle}.then({}))", into_str(then)?))
            }
            Some(handle) => Some(format!("{handle}.then({}).otherwise({})", into_str(then)?, into_str(otherwise)?)),
            None => {
                Some(format!("cfn::if_({}, {}, {})", string_literal(condition), into_str(then)?, into_str(otherwise)?))
            }
        },
        ("Fn::Select", _, Some([index, list])) => {
            let index: usize = match index {
                Value::String(text) => text.parse().ok()?,
                other => usize::try_from(other.as_u64()?).ok()?,
            };
            Some(format!("cfn::select({index}, {})", str_value(list)?))
        }
        ("Fn::Split", _, Some([Value::String(separator), text])) => {
            Some(format!("cfn::split({}, {})", string_literal(separator), into_str(text)?))
        }
        ("Fn::FindInMap", _, Some([Value::String(map), top, second])) => {
            Some(format!("cfn::find_in_map({}, {}, {})", string_literal(map), into_str(top)?, into_str(second)?))
        }
        ("Fn::Equals", _, Some([left, right])) => {
            Some(format!("cfn::equals({}, {})", into_str(left)?, into_str(right)?))
        }
        ("Fn::And" | "Fn::Or", _, Some(conditions)) => {
            let conditions: Option<Vec<String>> = conditions.iter().map(str_value).collect();
            let function = if expr.function() == "Fn::And" { "and" } else { "or" };
            Some(format!("cfn::{function}([{}])", conditions?.join(", ")))
        }
        ("Fn::Not", _, Some([condition])) => Some(format!("cfn::not({})", into_str(condition)?)),
        ("Condition", Value::String(name), _) => Some(format!("cfn::condition_named({})", string_literal(name))),
        _ => None,
    }
}

/// A condition of a template's `Conditions` (`Fn::Equals`, `Fn::And`,
/// `Fn::Or`, `Fn::Not`, `Condition`) as the `cfn::` call that writes it.
pub(super) fn condition_expression(value: &serde_json::Value) -> Option<String> {
    cfn_call(&Expr::from_json(value)?)
}

/// A JSON argument as an expression that converts into `Str`; a number or
/// a boolean is its text, as CloudFormation reads it.
fn into_str(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(string_literal(text)),
        serde_json::Value::Bool(flag) => Some(string_literal(&flag.to_string())),
        serde_json::Value::Number(number) => Some(string_literal(&number.to_string())),
        other => cfn_call(&Expr::from_json(other)?),
    }
}

/// A JSON argument as an expression of type `Str`.
fn str_value(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(format!("Str::from({})", string_literal(text))),
        other => cfn_call(&Expr::from_json(other)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_split_out_of_the_text() {
        assert_eq!(
            pieces("v#{Source_Checkout.CommitId}-#{variables.ENV}"),
            vec![
                Piece::Literal("v"),
                Piece::Reference { namespace: "Source_Checkout", key: "CommitId" },
                Piece::Literal("-"),
                Piece::Reference { namespace: "variables", key: "ENV" },
            ]
        );
        assert_eq!(
            pieces("#{not a reference} #{open"),
            vec![Piece::Literal("#{not a reference}"), Piece::Literal(" #{open")]
        );
        assert_eq!(pieces(""), Vec::<Piece<'_>>::new());
    }

    #[test]
    fn literals_are_valid_rust() {
        assert_eq!(string_literal("main"), "\"main\"");
        assert_eq!(string_literal(r#"{"a":"b"}"#), r###"r#"{"a":"b"}"#"###);
        assert_eq!(string_literal("say \"#hi\""), "r##\"say \"#hi\"\"##");
        assert_eq!(string_literal("line\n\"x\""), "\"line\\n\\\"x\\\"\"");
    }

    #[test]
    fn expressions_become_cfn_calls() {
        let get_att = Str::Expr(Expr::new("Fn::GetAtt", serde_json::json!(["Role", "Arn"])).unwrap());
        assert_eq!(str_expression(&get_att).as_deref(), Some(r#"cfn::get_att("Role", "Arn")"#));
        let reference = Str::Expr(Expr::new("Ref", serde_json::json!("Bucket")).unwrap());
        assert_eq!(str_expression(&reference).as_deref(), Some(r#"cfn::reference("Bucket")"#));
        let join = Str::Expr(
            Expr::new("Fn::Join", serde_json::json!(["-", ["a", {"Fn::ImportValue": {"Fn::Sub": "${Env}-id"}}]]))
                .unwrap(),
        );
        assert_eq!(
            str_expression(&join).as_deref(),
            Some(r#"cfn::join("-", [Str::from("a"), cfn::import_value(cfn::sub("${Env}-id"))])"#)
        );
        let sub_with_variables = Str::Expr(Expr::new("Fn::Sub", serde_json::json!(["${A}", {"A": "x"}])).unwrap());
        assert_eq!(str_expression(&sub_with_variables), None);
    }
}
