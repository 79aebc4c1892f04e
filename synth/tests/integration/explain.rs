//! `explain CODE` in the `App` command line and the standalone binary.

use pipewright_dsl::Rule;
use pipewright_synth::{cli, standalone, Exit};

/// A command line run in-process: arguments, stdout, stderr.
type CommandLine = dyn Fn(Vec<&str>, &mut Vec<u8>, &mut Vec<u8>) -> Exit;

/// Runs `explain` with `args` in both command lines, checks that they agree,
/// and returns the exit, stdout and stderr.
fn explain(args: &[&str]) -> (Exit, String, String) {
    let run = |runner: &CommandLine| {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let mut line = vec!["synth", "explain"];
        line.extend(args);
        let exit = runner(line, &mut stdout, &mut stderr);
        (exit, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
    };
    let app = run(&|line, stdout, stderr| cli::run(&[], line, stdout, stderr));
    let binary = run(&|line, stdout, stderr| standalone::run(line, stdout, stderr));
    assert_eq!(app, binary, "both command lines explain alike");
    app
}

#[test]
fn explains_one_rule_with_its_severity_and_group() {
    let (exit, stdout, stderr) = explain(&["plaintext-secret"]);
    assert_eq!(exit, Exit::Success);
    assert_eq!(
        stdout,
        "plaintext-secret\nseverity: warning\ngroup: environment variables\n\nA plain-text environment variable holds \
         no value that looks like a secret; its value is readable by anyone who can read the pipeline.\n"
    );
    assert_eq!(stderr, "");
}

#[test]
fn explains_a_rule_raised_by_synth() {
    let (exit, stdout, _) = explain(&["event-rule-cli"]);
    assert_eq!(exit, Exit::Success);
    assert!(stdout.starts_with("event-rule-cli\nseverity: error\ngroup: output folder\n\n"), "{stdout}");
}

#[test]
fn an_unknown_code_is_a_usage_error() {
    let (exit, stdout, stderr) = explain(&["no-such-rule"]);
    assert_eq!(exit, Exit::Usage);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: no rule has the code \"no-such-rule\"; run `explain` without a code to list every rule\n"
    );
}

#[test]
fn without_a_code_every_rule_is_listed_under_its_group() {
    let (exit, stdout, _) = explain(&[]);
    assert_eq!(exit, Exit::Success);
    let listed: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("  "))
        .map(|line| line.split_whitespace().next().unwrap())
        .collect();
    let codes: Vec<&str> = Rule::ALL.iter().map(|rule| rule.code()).collect();
    assert_eq!(listed, codes);
    assert!(stdout.starts_with("pipeline builder:\n  action-output-count "), "{stdout}");
    assert!(stdout.contains("\n\nenvironment variables:\n"), "{stdout}");
    assert!(
        stdout.lines().any(|line| line.starts_with("  plaintext-secret ")
            && line.contains(" warning  A plain-text environment variable")),
        "{stdout}"
    );
}
