//! Which existing folder synth may replace, and why it refuses the others.
//!
//! A folder may be replaced when it is empty, or when every entry in it,
//! at any depth, is one its previous `manifest.json` lists: the listed
//! files, the folders that hold them, and the manifest itself. Anything else
//! (a note, a `.git` folder, a link, a listed path that became a folder) is
//! something synth did not write, and replacing the folder would delete it.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use pipewright_dsl::printable;
use serde::Deserialize;

use super::io_error;
use crate::assembly::SynthError;
use crate::manifest;

/// How many unexpected entries a refusal names before it counts the rest.
const NAMED_ENTRIES: usize = 5;

/// Why synth will not replace what is at the output path. A refused synth
/// writes nothing and changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// The output path, as given.
    pub path: PathBuf,
    /// Where the output path leads, when it is a symbolic link.
    pub link_to: Option<PathBuf>,
    /// What is in the way.
    pub problem: Problem,
}

/// What keeps synth from replacing a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Something other than a folder is at the output path, e.g. a file.
    NotAFolder,
    /// The output path is a symbolic link that leads to nothing.
    BrokenLink,
    /// The folder is not empty and has no `manifest.json`.
    NoManifest,
    /// `manifest.json` cannot be read as a manifest pipewright wrote; why.
    UnreadableManifest(String),
    /// `manifest.json` lists no file.
    EmptyManifest,
    /// The entries the previous manifest does not list, by path from the
    /// folder with `/` separators, folders ending in `/`, sorted. What an
    /// unexpected folder holds is not listed again.
    Unexpected(Vec<String>),
}

/// What is at the output path before a synth.
#[derive(Debug)]
pub(crate) enum Existing {
    /// Nothing: the output folder is created.
    Nothing,
    /// A folder synth may replace.
    Replaceable {
        /// The folder, links followed.
        folder: PathBuf,
        /// Its permissions, which the new folder gets.
        permissions: fs::Permissions,
    },
}

/// Looks at the output path `target`: nothing there, a folder synth may
/// replace, or a refusal that says what is in the way.
pub(crate) fn inspect(target: &Path) -> Result<Existing, SynthError> {
    let metadata = match fs::symlink_metadata(target) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(source) => return Err(SynthError::Io { path: target.to_owned(), action: "read", source }),
    };
    let refuse = |link_to: Option<PathBuf>, problem| {
        SynthError::NotOutputFolder(Refusal { path: target.to_owned(), link_to, problem })
    };
    let folder = match fs::canonicalize(target) {
        Ok(folder) => folder,
        Err(error) if metadata.is_symlink() && error.kind() == io::ErrorKind::NotFound => {
            return Err(refuse(fs::read_link(target).ok(), Problem::BrokenLink));
        }
        Err(source) => return Err(SynthError::Io { path: target.to_owned(), action: "resolve the path", source }),
    };
    let link_to = metadata.is_symlink().then(|| folder.clone());
    let metadata = fs::metadata(&folder).map_err(io_error(target, "read"))?;
    if !metadata.is_dir() {
        return Err(refuse(link_to, Problem::NotAFolder));
    }
    let replaceable = Ok(Existing::Replaceable { folder: folder.clone(), permissions: metadata.permissions() });
    if fs::read_dir(&folder).map_err(io_error(target, "read"))?.next().is_none() {
        return replaceable;
    }
    let listed = match listed_files(&folder.join(manifest::FILE_NAME)) {
        Ok(listed) => listed,
        Err(problem) => return Err(refuse(link_to, problem)),
    };
    let unexpected = unexpected_entries(&folder, &listed).map_err(io_error(target, "read"))?;
    if unexpected.is_empty() {
        replaceable
    } else {
        Err(refuse(link_to, Problem::Unexpected(unexpected)))
    }
}

/// The parts of a previous manifest that say which files synth wrote.
#[derive(Deserialize)]
struct PreviousManifest {
    generator: String,
    pipelines: Vec<PreviousEntry>,
    /// The stacks of several pipelines, whose templates are listed here.
    #[serde(default)]
    stacks: Vec<PreviousEntry>,
}

/// A pipeline's or a stack's entry: the files written for it.
#[derive(Deserialize)]
struct PreviousEntry {
    files: Vec<PreviousFile>,
}

#[derive(Deserialize)]
struct PreviousFile {
    path: String,
}

/// Every file the manifest at `path` lists, by path from the output folder;
/// the problem when it is missing, unreadable, not pipewright's, or lists
/// nothing.
fn listed_files(path: &Path) -> Result<BTreeSet<String>, Problem> {
    let text = match fs::read(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(Problem::NoManifest),
        Err(error) => return Err(Problem::UnreadableManifest(error.to_string())),
    };
    let previous: PreviousManifest =
        serde_json::from_slice(&text).map_err(|error| Problem::UnreadableManifest(error.to_string()))?;
    if previous.generator != manifest::GENERATOR {
        return Err(Problem::UnreadableManifest(format!(
            "its generator is \"{}\", not \"{}\"",
            printable(&previous.generator),
            manifest::GENERATOR
        )));
    }
    let listed: BTreeSet<String> = previous
        .pipelines
        .into_iter()
        .chain(previous.stacks)
        .flat_map(|entry| entry.files)
        .map(|file| file.path)
        .collect();
    if listed.is_empty() {
        return Err(Problem::EmptyManifest);
    }
    Ok(listed)
}

/// The entries below `folder` that are neither a listed file, a folder that
/// holds one, nor the manifest: sorted, folders ending in `/`. Links count
/// as unexpected wherever they are, since synth writes none.
fn unexpected_entries(folder: &Path, listed: &BTreeSet<String>) -> io::Result<Vec<String>> {
    let holding: BTreeSet<&str> =
        listed.iter().flat_map(|path| path.match_indices('/').map(move |(at, _)| &path[..at])).collect();
    let mut unexpected = Vec::new();
    let mut pending = vec![(folder.to_owned(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let name = entry.file_name();
            let relative = format!("{prefix}{}", name.to_string_lossy());
            let exact = name.to_str().is_some();
            if exact && kind.is_dir() && holding.contains(relative.as_str()) {
                pending.push((entry.path(), format!("{relative}/")));
            } else if !(exact && kind.is_file() && (listed.contains(&relative) || relative == manifest::FILE_NAME)) {
                unexpected.push(if kind.is_dir() { format!("{relative}/") } else { relative });
            }
        }
    }
    unexpected.sort();
    Ok(unexpected)
}

impl fmt::Display for Refusal {
    /// `out: the previous manifest.json does not list NOTES.md, so ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", printable(&self.path.display().to_string()))?;
        if let Some(link_to) = &self.link_to {
            write!(f, " (a symbolic link to {})", printable(&link_to.display().to_string()))?;
        }
        const ELSEWHERE: &str = "or choose another output folder (--out)";
        const UNLISTED: &str = "so it does not say which files synth wrote and synth will not replace the folder: \
                                move the folder's contents elsewhere";
        match &self.problem {
            Problem::NotAFolder => {
                write!(f, ": this is not a folder, so synth will not replace it: move it elsewhere, {ELSEWHERE}")
            }
            Problem::BrokenLink => write!(
                f,
                ": the link leads to nothing, so synth will not write through it: create the folder it names, \
                 {ELSEWHERE}"
            ),
            Problem::NoManifest => write!(
                f,
                ": the folder is not empty and holds no manifest.json of an earlier synth, so synth will not \
                 replace it: move its contents elsewhere, {ELSEWHERE}"
            ),
            Problem::UnreadableManifest(why) => write!(
                f,
                ": manifest.json is not a manifest written by pipewright ({}), {UNLISTED}, {ELSEWHERE}",
                printable(why)
            ),
            Problem::EmptyManifest => write!(f, ": manifest.json lists no files, {UNLISTED}, {ELSEWHERE}"),
            Problem::Unexpected(entries) => {
                let them = if entries.len() == 1 { "it" } else { "them" };
                write!(
                    f,
                    ": the previous manifest.json does not list {}, so synth will not replace the folder (that \
                     would delete {them}): move {them} out of the folder, {ELSEWHERE}",
                    a_few_of(entries)
                )
            }
        }
    }
}

/// `a`, `a and b`, `a, b, c, d, e and 4 more`.
fn a_few_of(entries: &[String]) -> String {
    let named: Vec<_> = entries.iter().take(NAMED_ENTRIES).map(|entry| printable(entry)).collect();
    let rest = entries.len() - named.len();
    match (named.split_last(), rest) {
        (Some((last, [])), 0) => last.to_string(),
        (Some((last, others)), 0) => format!("{} and {last}", others.join(", ")),
        (_, _) => format!("{} and {rest} more", named.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::a_few_of;

    #[test]
    fn a_few_entries_are_named_and_the_rest_counted() {
        let entries = |count: usize| (1..=count).map(|n| format!("e{n}")).collect::<Vec<_>>();
        assert_eq!(a_few_of(&entries(1)), "e1");
        assert_eq!(a_few_of(&entries(2)), "e1 and e2");
        assert_eq!(a_few_of(&entries(5)), "e1, e2, e3, e4 and e5");
        assert_eq!(a_few_of(&entries(6)), "e1, e2, e3, e4, e5 and 1 more");
        assert_eq!(a_few_of(&["line\nbreak".to_owned()]), "line\\nbreak");
    }
}
