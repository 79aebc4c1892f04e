//! Quoting for the commands written into the manifest.

/// `word` as one shell word: unchanged when it holds only characters that
/// need no quoting, otherwise in single quotes.
///
/// ```
/// use pipewright_synth::emit::shell_word;
///
/// assert_eq!(shell_word("my-pipeline"), "my-pipeline");
/// assert_eq!(shell_word("Waiting for approval (release)"), "'Waiting for approval (release)'");
/// assert_eq!(shell_word("it's"), r#"'it'\''s'"#);
/// ```
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '=' | ','));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
