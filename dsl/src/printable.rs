//! Text from input made safe to print on a terminal.
//!
//! Names and values in messages come from users' files and programs. Printed
//! raw, a control character can recolour a terminal, and a carriage return or
//! line feed can forge a line of output (`pipeline "x": 0 errors`). A very long
//! name would print megabytes. Every message pipewright prints goes through
//! [`printable`].

use std::borrow::Cow;
use std::fmt::Write;

/// The most characters of one text that a message prints; longer text keeps
/// its beginning and end and says how much was left out.
pub const MAX_PRINTED_CHARS: usize = 2_000;

/// How many characters of the end of a shortened text are kept.
const KEPT_TAIL_CHARS: usize = 200;

/// `text` with every control character escaped (`\n`, `\r`, `\t`, `\0`,
/// `\u{1b}`, ...), Unicode's bidirectional overrides escaped too (they make a
/// terminal show text in another order than it is), and the middle of text
/// longer than [`MAX_PRINTED_CHARS`] characters left out.
///
/// ```
/// use pipewright_dsl::printable;
///
/// assert_eq!(printable("Build"), "Build");
/// assert_eq!(printable("x\r\npipeline \"y\": 0 errors"), "x\\r\\npipeline \"y\": 0 errors");
/// assert_eq!(printable("\u{1b}[31mred"), "\\u{1b}[31mred");
/// let long = "a".repeat(10_000_000);
/// assert!(printable(&long).len() < 2_100);
/// assert!(printable(&long).contains("9998000 characters left out"));
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    let length = text.chars().count();
    if length <= MAX_PRINTED_CHARS && !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    if length <= MAX_PRINTED_CHARS {
        push_escaped(&mut out, text.chars());
    } else {
        let head = MAX_PRINTED_CHARS - KEPT_TAIL_CHARS;
        let left_out = length - MAX_PRINTED_CHARS;
        push_escaped(&mut out, text.chars().take(head));
        let _ = write!(out, "…({left_out} characters left out)…");
        push_escaped(&mut out, text.chars().skip(head + left_out));
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(printable("web-app"), Cow::Borrowed("web-app")));
        assert!(matches!(printable("Ünïcode ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_escaped() {
        assert_eq!(printable("a\0b\u{7f}c\u{9b}d"), "a\\0b\\u{7f}c\\u{9b}d");
        assert_eq!(printable("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(printable("tab\there"), "tab\\there");
    }

    #[test]
    fn long_text_keeps_its_ends_and_counts_what_is_left_out() {
        let text = format!("{}{}", "b".repeat(5_000), "END");
        let printed = printable(&text);
        assert!(printed.starts_with(&"b".repeat(MAX_PRINTED_CHARS - KEPT_TAIL_CHARS)));
        assert!(printed.ends_with("bEND"));
        assert!(printed.contains("…(3003 characters left out)…"));
        assert_eq!(printed.chars().count(), MAX_PRINTED_CHARS + "…(3003 characters left out)…".chars().count());
    }

    #[test]
    fn text_of_exactly_the_limit_is_not_shortened() {
        let text = "c".repeat(MAX_PRINTED_CHARS);
        assert_eq!(printable(&text), text);
    }
}
