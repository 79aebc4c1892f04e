//! Which existing folders synth replaces: only one whose every entry its
//! previous manifest lists. Anything else is refused with the entries named,
//! and left exactly as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use pipewright_dsl::prelude::*;
use pipewright_synth::{App, Exit, Synth, SynthError};

fn pipeline(name: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
        p.start_on_change("my-repo-main", &source);
    })
}

/// Every entry below `dir`: files with their bytes, folders ending in `/`
/// with no bytes, symbolic links as `-> destination`.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, entries: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            let metadata = fs::symlink_metadata(&path).unwrap();
            if metadata.is_symlink() {
                let destination = fs::read_link(&path).unwrap();
                entries.insert(relative, format!("-> {}", destination.display()).into_bytes());
            } else if metadata.is_dir() {
                entries.insert(format!("{relative}/"), Vec::new());
                walk(root, &path, entries);
            } else {
                entries.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    let mut entries = BTreeMap::new();
    walk(dir, dir, &mut entries);
    entries
}

/// The names in `dir`, sorted.
pub(crate) fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// A folder with a synth's output of pipeline `app` in it.
fn earlier_output() -> (tempfile::TempDir, std::path::PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    Synth::new(&out).add(&pipeline("app")).write().unwrap();
    (parent, out)
}

/// Synthesizes pipeline `api` into `out`, expecting a refusal: returns its
/// message, after checking that nothing changed beside and below `out`.
fn refused(out: &Path) -> String {
    let parent = out.parent().unwrap();
    let before = tree(parent);
    let error = Synth::new(out).add(&pipeline("api")).write().unwrap_err();
    assert!(matches!(error, SynthError::NotOutputFolder(_)), "expected a refusal, got {error}");
    assert_eq!(tree(parent), before, "a refused synth changes nothing");
    error.to_string()
}

#[test]
fn a_file_synth_did_not_write_is_named_and_nothing_is_replaced() {
    let (_parent, out) = earlier_output();
    fs::write(out.join("NOTES.md"), "n\n").unwrap();
    assert_eq!(
        refused(&out),
        format!(
            "{}: the previous manifest.json does not list NOTES.md, so synth will not replace the folder (that \
             would delete it): move it out of the folder, or choose another output folder (--out)",
            out.display()
        )
    );
}

#[test]
fn a_git_repository_in_the_output_folder_is_refused() {
    let (_parent, out) = earlier_output();
    fs::create_dir_all(out.join(".git/objects")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let message = refused(&out);
    assert!(message.contains("does not list .git/, so synth will not replace the folder"), "{message}");
}

#[test]
fn a_forged_one_line_manifest_does_not_give_away_a_project() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("project");
    fs::create_dir_all(out.join("src")).unwrap();
    fs::write(out.join("src/main.rs"), "fn main() {}\n").unwrap();
    fs::write(out.join("manifest.json"), "{\"generator\":\"pipewright\"}\n").unwrap();
    let message = refused(&out);
    assert_eq!(
        message,
        format!(
            "{}: manifest.json is not a manifest written by pipewright (missing field `pipelines` at line 1 column \
             26), so it does not say which files synth wrote and synth will not replace the folder: move the \
             folder's contents elsewhere, or choose another output folder (--out)",
            out.display()
        )
    );
    assert_eq!(fs::read_to_string(out.join("src/main.rs")).unwrap(), "fn main() {}\n");
}

#[test]
fn a_manifest_that_lists_nothing_protects_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    fs::create_dir_all(out.join("src")).unwrap();
    fs::write(out.join("src/main.rs"), "fn main() {}\n").unwrap();
    fs::write(out.join("manifest.json"), "{\"generator\":\"pipewright\",\"pipelines\":[]}\n").unwrap();
    let message = refused(&out);
    assert!(
        message.contains(": manifest.json lists no files, so it does not say which files synth wrote"),
        "{message}"
    );
}

#[test]
fn a_manifest_of_another_generator_or_not_json_protects_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    fs::create_dir(&out).unwrap();
    let listing = "\"pipelines\":[{\"files\":[{\"path\":\"app/template.json\"}]}]";
    fs::write(out.join("manifest.json"), format!("{{\"generator\":\"other\",{listing}}}")).unwrap();
    let message = refused(&out);
    assert!(message.contains("(its generator is \"other\", not \"pipewright\")"), "{message}");

    fs::write(out.join("manifest.json"), "not json").unwrap();
    let message = refused(&out);
    assert!(message.contains(": manifest.json is not a manifest written by pipewright (expected ident"), "{message}");
}

#[test]
fn a_file_at_the_output_path_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    fs::write(&out, "a file").unwrap();
    assert_eq!(
        refused(&out),
        format!(
            "{}: this is not a folder, so synth will not replace it: move it elsewhere, or choose another output \
             folder (--out)",
            out.display()
        )
    );
}

#[test]
fn many_unexpected_entries_are_named_a_few_then_counted() {
    let (_parent, out) = earlier_output();
    for name in ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt"] {
        fs::write(out.join(name), name).unwrap();
    }
    fs::write(out.join("app/extra.json"), "{}").unwrap();
    fs::create_dir(out.join("app/empty")).unwrap();
    let message = refused(&out);
    assert!(
        message.contains(
            "does not list a.txt, app/empty/, app/extra.json, b.txt, c.txt and 4 more, so synth will not replace the \
             folder (that would delete them): move them out of the folder"
        ),
        "{message}"
    );
}

#[test]
fn a_listed_path_that_is_now_a_folder_is_unexpected() {
    let (_parent, out) = earlier_output();
    fs::remove_file(out.join("app/template.json")).unwrap();
    fs::create_dir(out.join("app/template.json")).unwrap();
    fs::write(out.join("app/template.json/kept.txt"), "kept").unwrap();
    let message = refused(&out);
    assert!(message.contains("does not list app/template.json/, so"), "{message}");
}

#[test]
fn a_folder_that_holds_exactly_what_its_manifest_lists_is_replaced() {
    let (parent, out) = earlier_output();
    let written: Vec<String> = tree(&out).into_keys().collect();
    assert_eq!(
        written,
        [
            "app/",
            "app/events/",
            "app/events/my-repo-main.json",
            "app/events/start-pipeline.role.json",
            "app/pipeline.json",
            "app/template.json",
            "manifest.json"
        ]
    );
    Synth::new(&out).add(&pipeline("api")).write().unwrap();
    assert_eq!(
        tree(&out).into_keys().collect::<Vec<_>>(),
        [
            "api/",
            "api/events/",
            "api/events/my-repo-main.json",
            "api/events/start-pipeline.role.json",
            "api/pipeline.json",
            "api/template.json",
            "manifest.json"
        ]
    );
    assert_eq!(names(parent.path()), ["out"], "no staging folder is left behind");
}

#[test]
fn a_folder_missing_some_listed_files_is_still_replaced() {
    let (_parent, out) = earlier_output();
    fs::remove_dir_all(out.join("app/events")).unwrap();
    fs::remove_file(out.join("app/pipeline.json")).unwrap();
    Synth::new(&out).add(&pipeline("api")).write().unwrap();
    assert!(out.join("api/template.json").is_file());
    assert!(!out.join("app").exists());
}

#[test]
fn an_empty_folder_is_replaced() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    fs::create_dir(&out).unwrap();
    Synth::new(&out).add(&pipeline("app")).write().unwrap();
    assert!(out.join("manifest.json").is_file());
    assert_eq!(names(parent.path()), ["out"]);
}

#[test]
fn the_command_line_exits_with_3_and_names_the_file_on_a_refusal() {
    let (_parent, out) = earlier_output();
    fs::write(out.join("NOTES.md"), "n\n").unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let app = App::new().pipeline(pipeline("app"));
    let exit = app.run_with(["pipelines", "synth", "--out", out.to_str().unwrap()], &mut stdout, &mut stderr);
    assert_eq!(exit, Exit::Io);
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(stderr.starts_with(&format!("error: {}: the previous manifest.json does not list NOTES.md", out.display())));
    assert_eq!(fs::read_to_string(out.join("NOTES.md")).unwrap(), "n\n");
    assert!(stdout.is_empty());
}

#[cfg(unix)]
mod unix {
    use std::fs;
    use std::os::unix::fs::{symlink, PermissionsExt};

    use pipewright_synth::Synth;

    use super::{earlier_output, names, pipeline, refused, tree};

    #[test]
    fn a_link_to_an_earlier_output_is_followed_and_kept() {
        let (parent, real) = earlier_output();
        let link = parent.path().join("link");
        symlink(&real, &link).unwrap();
        Synth::new(&link).add(&pipeline("api")).write().unwrap();
        assert_eq!(fs::read_link(&link).unwrap(), real, "the link still points where it did");
        assert!(real.join("api/template.json").is_file());
        assert!(!real.join("app").exists());
        assert_eq!(names(parent.path()), ["link", "out"]);
    }

    #[test]
    fn a_link_to_a_folder_with_other_files_is_refused_and_says_where_it_leads() {
        let (parent, real) = earlier_output();
        fs::write(real.join("NOTES.md"), "n\n").unwrap();
        let link = parent.path().join("link");
        symlink(&real, &link).unwrap();
        assert_eq!(
            refused(&link),
            format!(
                "{} (a symbolic link to {}): the previous manifest.json does not list NOTES.md, so synth will not \
                 replace the folder (that would delete it): move it out of the folder, or choose another output \
                 folder (--out)",
                link.display(),
                real.display()
            )
        );
    }

    #[test]
    fn a_link_that_leads_nowhere_is_refused() {
        let parent = tempfile::tempdir().unwrap();
        let link = parent.path().join("out");
        symlink(parent.path().join("missing"), &link).unwrap();
        assert_eq!(
            refused(&link),
            format!(
                "{} (a symbolic link to {}): the link leads to nothing, so synth will not write through it: create \
                 the folder it names, or choose another output folder (--out)",
                link.display(),
                parent.path().join("missing").display()
            )
        );
    }

    #[test]
    fn a_link_inside_the_output_folder_is_unexpected() {
        let (parent, out) = earlier_output();
        let elsewhere = parent.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join("precious.txt"), "keep").unwrap();
        fs::remove_dir_all(out.join("app/events")).unwrap();
        symlink(&elsewhere, out.join("app/events")).unwrap();
        let message = refused(&out);
        assert!(message.contains("does not list app/events, so"), "{message}");
        assert_eq!(tree(&elsewhere).len(), 1);
    }

    #[test]
    fn the_output_folder_keeps_its_permissions() {
        let (_parent, out) = earlier_output();
        fs::set_permissions(&out, fs::Permissions::from_mode(0o750)).unwrap();
        Synth::new(&out).add(&pipeline("api")).write().unwrap();
        assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o7777, 0o750);
    }

    #[test]
    fn a_new_output_folder_gets_the_permissions_of_any_new_folder() {
        let parent = tempfile::tempdir().unwrap();
        let usual = parent.path().join("usual");
        fs::create_dir(&usual).unwrap();
        let out = parent.path().join("out");
        Synth::new(&out).add(&pipeline("app")).write().unwrap();
        let mode = |path| fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode(&out), mode(&usual));
        assert_eq!(mode(&out.join("app")), mode(&usual));
    }
}
