//! Whether a plain-text environment variable holds a secret: by its name, or
//! by a value in a well-known credential format.
//!
//! A name says secret when one of its words is `PASSWORD`, `PASSWORDS`,
//! `PASSWD`, `SECRET`, `SECRETS`, `TOKEN`, `TOKENS`, `CREDENTIAL`,
//! `CREDENTIALS` or `APIKEY`, or two of its words in a row are `API KEY`,
//! `PRIVATE KEY` or `ACCESS KEY`. Words are the parts of the name split on
//! `_`, `-`, `.` and where a lower-case letter or digit is followed by an
//! upper-case one, compared without case: `DB_PASSWORD`, `githubToken` and
//! `AWS_SECRET_ACCESS_KEY` say secret; `TOKENIZER_MODE`, `SECRETARY_EMAIL`
//! and `KEYBOARD_LAYOUT` do not, because a word must match whole.
//!
//! A value that is empty or made only of variable references (`#{...}`) is
//! resolved when the pipeline runs and holds no written secret, whatever the
//! name says.

use std::sync::LazyLock;

use regex::Regex;

/// Words that alone make a name say secret.
const SECRET_WORDS: [&str; 10] =
    ["PASSWORD", "PASSWORDS", "PASSWD", "SECRET", "SECRETS", "TOKEN", "TOKENS", "CREDENTIAL", "CREDENTIALS", "APIKEY"];

/// Pairs of words in a row that make a name say secret.
const SECRET_WORD_PAIRS: [(&str, &str); 3] = [("API", "KEY"), ("PRIVATE", "KEY"), ("ACCESS", "KEY")];

/// Well-known credential formats, each with what it is called in messages.
static CREDENTIAL_FORMATS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [
        ("a GitHub token", r"\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}"),
        ("an AWS access key ID", r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"),
        ("a private key", r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
        ("a Slack token", r"\bxox[bpars]-[A-Za-z0-9-]{10,}"),
    ]
    .into_iter()
    .map(|(kind, pattern)| (kind, Regex::new(pattern).expect("the credential patterns are valid")))
    .collect()
});

/// An AWS secret access key: 40 base64 characters, recognised when the
/// variable's name has the word `AWS`.
static AWS_SECRET_ACCESS_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9/+]{40}$").expect("the secret key pattern is valid"));

/// `#{namespace.Key}`: a reference resolved when the pipeline runs.
static VARIABLE_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#\{[^}]*\}").expect("the reference pattern is valid"));

/// The words of a variable's name, upper-cased.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower_or_digit = false;
    for c in name.chars() {
        let boundary = matches!(c, '_' | '-' | '.') || (c.is_uppercase() && previous_lower_or_digit);
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if !matches!(c, '_' | '-' | '.') {
            word.extend(c.to_uppercase());
        }
        previous_lower_or_digit = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The word or words of `name` that say it holds a secret, e.g. `PASSWORD`
/// or `ACCESS_KEY`; `None` for other names.
pub(super) fn secret_name_words(name: &str) -> Option<String> {
    let words = words(name);
    if let Some(word) = words.iter().find(|word| SECRET_WORDS.contains(&word.as_str())) {
        return Some(word.clone());
    }
    words.windows(2).find_map(|pair| {
        SECRET_WORD_PAIRS.contains(&(pair[0].as_str(), pair[1].as_str())).then(|| format!("{}_{}", pair[0], pair[1]))
    })
}

/// Whether a value is set at all: empty text, or text made only of variable
/// references (`#{variables.TOKEN}`) resolved when the pipeline runs, holds
/// no secret written into the pipeline.
pub(super) fn is_written_value(value: &str) -> bool {
    !VARIABLE_REFERENCE.replace_all(value, "").trim().is_empty()
}

/// What kind of well-known credential `value` holds, e.g. `a GitHub token`;
/// `name` is the variable's name, which an AWS secret access key needs to be
/// recognised.
pub(super) fn credential_format(name: &str, value: &str) -> Option<&'static str> {
    if let Some((kind, _)) = CREDENTIAL_FORMATS.iter().find(|(_, pattern)| pattern.is_match(value)) {
        return Some(kind);
    }
    (words(name).iter().any(|word| word == "AWS") && AWS_SECRET_ACCESS_KEY.is_match(value.trim()))
        .then_some("an AWS secret access key")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_split_into_words_on_separators_and_case() {
        assert_eq!(words("DB_PASSWORD"), ["DB", "PASSWORD"]);
        assert_eq!(words("githubToken"), ["GITHUB", "TOKEN"]);
        assert_eq!(words("my-api.key2Value"), ["MY", "API", "KEY2", "VALUE"]);
    }

    #[test]
    fn whole_words_say_secret() {
        for (name, word) in [
            ("DB_PASSWORD", "PASSWORD"),
            ("MYSQL_PASSWD", "PASSWD"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
            ("GITHUB_TOKEN", "TOKEN"),
            ("npmToken", "TOKEN"),
            ("STRIPE_API_KEY", "API_KEY"),
            ("STRIPE_APIKEY", "APIKEY"),
            ("SSH_PRIVATE_KEY", "PRIVATE_KEY"),
            ("AWS_ACCESS_KEY_ID", "ACCESS_KEY"),
            ("GCP_CREDENTIALS", "CREDENTIALS"),
        ] {
            assert_eq!(secret_name_words(name).as_deref(), Some(word), "{name}");
        }
    }

    #[test]
    fn parts_of_words_do_not_say_secret() {
        for name in ["TOKENIZER_MODE", "SECRETARY_EMAIL", "KEYBOARD_LAYOUT", "API_URL", "PRIVATE_SUBNET", "STAGE"] {
            assert_eq!(secret_name_words(name), None, "{name}");
        }
    }

    #[test]
    fn well_known_credential_formats_are_recognised() {
        let github = format!("ghp_{}", "a1B2".repeat(9));
        let github_pat = format!("github_pat_{}", "A".repeat(22));
        let slack = "xoxb-1234567890-abcdefghij";
        let key_block = "-----BEGIN RSA PRIVATE KEY-----\nMIIE...";
        let openssh = "-----BEGIN OPENSSH PRIVATE KEY-----";
        for (value, kind) in [
            (github.as_str(), "a GitHub token"),
            (github_pat.as_str(), "a GitHub token"),
            ("AKIAIOSFODNN7EXAMPLE", "an AWS access key ID"),
            ("ASIAIOSFODNN7EXAMPLE", "an AWS access key ID"),
            (key_block, "a private key"),
            (openssh, "a private key"),
            (slack, "a Slack token"),
        ] {
            assert_eq!(credential_format("VALUE", value), Some(kind), "{value}");
        }
        let secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assert_eq!(credential_format("AWS_SAK", secret_key), Some("an AWS secret access key"));
        assert_eq!(credential_format("CHECKSUM", secret_key), None);
        for value in ["main", "AKIA-not-a-key", "ghp_short", "https://example.com", "xoxq-1234567890"] {
            assert_eq!(credential_format("VALUE", value), None, "{value}");
        }
    }

    #[test]
    fn empty_values_and_references_are_not_written_values() {
        assert!(!is_written_value(""));
        assert!(!is_written_value("  "));
        assert!(!is_written_value("#{variables.DB_PASSWORD}"));
        assert!(!is_written_value("#{Build.TOKEN}#{Build.SUFFIX}"));
        assert!(is_written_value("hunter2"));
        assert!(is_written_value("Bearer #{variables.TOKEN}x"));
    }
}
