//! Where a value sits inside a JSON document, for error messages.

use std::fmt;

/// A path from the root of a document to one of its values, printed as
/// `Stages[1].Actions[0].Name` (`.` for the root itself).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ValuePath(Vec<Segment>);

/// One step of a [`ValuePath`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A mapping key.
    Key(String),
    /// A list index.
    Index(usize),
}

impl ValuePath {
    /// The path of the document itself.
    pub(crate) fn root() -> ValuePath {
        ValuePath::default()
    }

    /// A path of mapping keys only, e.g. `["Resources", "Pipeline", "Properties"]`.
    pub(crate) fn of_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> ValuePath {
        ValuePath(keys.into_iter().map(|key| Segment::Key(key.to_owned())).collect())
    }

    /// Steps into a mapping key.
    pub(crate) fn push_key(&mut self, key: &str) {
        self.0.push(Segment::Key(key.to_owned()));
    }

    /// Steps into a list item.
    pub(crate) fn push_index(&mut self, index: usize) {
        self.0.push(Segment::Index(index));
    }

    /// Steps back out of the last key or item.
    pub(crate) fn pop(&mut self) {
        self.0.pop();
    }

    /// The steps, from the root.
    pub(crate) fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// This path followed by `rest`.
    pub(crate) fn join(&self, rest: &ValuePath) -> ValuePath {
        ValuePath(self.0.iter().chain(&rest.0).cloned().collect())
    }

    /// The first `length` steps.
    pub(crate) fn prefix(&self, length: usize) -> ValuePath {
        ValuePath(self.0[..length].to_vec())
    }
}

impl FromIterator<Segment> for ValuePath {
    fn from_iter<I: IntoIterator<Item = Segment>>(segments: I) -> Self {
        ValuePath(segments.into_iter().collect())
    }
}

impl fmt::Display for ValuePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if position == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_keys_with_dots_and_indices_in_brackets() {
        let mut path = ValuePath::of_keys(["Stages"]);
        path.push_index(1);
        path.push_key("Actions");
        path.push_index(0);
        path.push_key("Name");
        assert_eq!(path.to_string(), "Stages[1].Actions[0].Name");
        path.pop();
        assert_eq!(path.to_string(), "Stages[1].Actions[0]");
    }

    #[test]
    fn prints_the_root_as_a_dot() {
        assert_eq!(ValuePath::root().to_string(), ".");
        let mut path = ValuePath::root();
        path.push_index(2);
        assert_eq!(path.to_string(), "[2]");
    }
}
