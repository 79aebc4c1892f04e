//! Node and box ids of a diagram: made from the names they stand for, safe
//! in every diagram language, and unique.

use std::collections::HashSet;

/// The most characters of one name that go into an id.
const MAX_NAME_CHARS: usize = 64;

/// Hands out ids, each once.
#[derive(Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// An id for the thing `names` leads to (pipeline, stage, action, ...):
    /// `prefix` then each name with every character other than an ASCII
    /// letter or digit replaced by `_`, joined by `__`; `_2`, `_3`, ... is
    /// added when that id is already taken. The prefix (`p_`, `s_`, ...)
    /// keeps ids from starting with a digit or being a keyword (`end`).
    pub(super) fn claim(&mut self, prefix: &str, names: &[&str]) -> String {
        let parts: Vec<String> = names.iter().map(|name| sanitize(name)).collect();
        let base = format!("{prefix}{}", parts.join("__"));
        let mut id = base.clone();
        let mut count = 1;
        while !self.taken.insert(id.clone()) {
            count += 1;
            id = format!("{base}_{count}");
        }
        id
    }
}

/// `name` with every character other than an ASCII letter or digit replaced
/// by `_`, at most [`MAX_NAME_CHARS`] characters long.
fn sanitize(name: &str) -> String {
    name.chars().take(MAX_NAME_CHARS).map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::Ids;

    #[test]
    fn an_id_keeps_letters_and_digits_and_replaces_the_rest() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("a_", &["web-app", "Build \"x\"", "Ünit.1"]), "a_web_app__Build__x____nit_1");
    }

    #[test]
    fn names_that_sanitize_alike_get_distinct_ids() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("s_", &["a-b"]), "s_a_b");
        assert_eq!(ids.claim("s_", &["a_b"]), "s_a_b_2");
        assert_eq!(ids.claim("s_", &["a.b"]), "s_a_b_3");
        assert_eq!(ids.claim("s_", &["a_b_2"]), "s_a_b_2_2");
    }

    #[test]
    fn a_long_name_is_shortened() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("p_", &[&"x".repeat(10_000)]).len(), 2 + 64);
    }
}
