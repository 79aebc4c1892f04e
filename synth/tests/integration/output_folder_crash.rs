//! A synth stopped at any step of the write leaves the output folder holding
//! the complete previous output or the complete new one, and the next run
//! removes what it left and succeeds.
//!
//! Each test starts this test binary again as a child process that runs
//! [`child_writes_the_output`] with the crate's `fault-injection` feature
//! (a dev-dependency of the crate on itself turns it on for every test
//! build): the writer aborts the child at the step named by
//! `PIPEWRIGHT_FAULT_STOP_AT`, as `kill -9` would stop it.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pipewright_dsl::prelude::*;
use pipewright_synth::Synth;

use crate::output_folder::{names, tree};

/// The output folder the child writes to; unset outside a child.
const CHILD_OUT: &str = "PIPEWRIGHT_CRASH_TEST_OUT";

/// The marker every staging folder holds; of the folders named like one, only
/// those with it (or empty) are removed.
const MARKER: &str = "pipewright-staging";

fn pipeline(name: &str, bucket: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3(bucket));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    })
}

/// The previous output: pipeline `app`.
fn old() -> Vec<Pipeline> {
    vec![pipeline("app", "old-artifacts")]
}

/// The new output: `app` changed, and `api` added.
fn new() -> Vec<Pipeline> {
    vec![pipeline("app", "new-artifacts"), pipeline("api", "new-artifacts")]
}

fn synth(out: &Path, pipelines: &[Pipeline]) {
    Synth::new(out).add_all(pipelines).write().unwrap();
}

/// Not a test: the child process the crash tests start. It writes the new
/// output to the folder named by `PIPEWRIGHT_CRASH_TEST_OUT`.
#[test]
#[ignore = "run as a child process by the crash tests"]
fn child_writes_the_output() {
    if let Some(out) = std::env::var_os(CHILD_OUT) {
        synth(Path::new(&out), &new());
    }
}

/// Runs [`child_writes_the_output`] into `out` in a child process, stopped at
/// `step` when one is given, with the two-rename swap when `no_exchange`.
fn run_child(out: &Path, step: Option<&str>, no_exchange: bool) -> Output {
    let test_name = match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::child_writes_the_output"),
        None => "child_writes_the_output".to_owned(),
    };
    // A folder of its own, for a core file the abort may leave.
    let working_dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([&test_name, "--exact", "--ignored", "--test-threads=1"])
        .env(CHILD_OUT, out)
        .current_dir(&working_dir);
    command.env_remove("PIPEWRIGHT_FAULT_STOP_AT").env_remove("PIPEWRIGHT_FAULT_NO_EXCHANGE");
    if let Some(step) = step {
        command.env("PIPEWRIGHT_FAULT_STOP_AT", step);
    }
    if no_exchange {
        command.env("PIPEWRIGHT_FAULT_NO_EXCHANGE", "1");
    }
    command.output().unwrap()
}

/// Runs the child stopped at `step` and checks that it was aborted there.
fn crash(out: &Path, step: &str, no_exchange: bool) {
    let output = run_child(out, Some(step), no_exchange);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the child was not stopped at {step}: {stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(output.status.signal(), Some(6), "the child did not abort at {step}: {stderr}");
    }
}

/// What a synth of `pipelines` writes, written to a folder of its own.
fn expected(pipelines: &[Pipeline]) -> BTreeMap<String, Vec<u8>> {
    let elsewhere = tempfile::tempdir().unwrap();
    synth(&elsewhere.path().join("out"), pipelines);
    tree(&elsewhere.path().join("out"))
}

/// The staging folders beside `out`.
fn leftovers(parent: &Path) -> Vec<PathBuf> {
    names(parent).into_iter().filter(|name| name.starts_with(".out.synth-")).map(|name| parent.join(name)).collect()
}

/// The one staging folder beside `out`.
fn the_staging_folder(parent: &Path) -> PathBuf {
    match &leftovers(parent)[..] {
        [staging] => staging.clone(),
        _ => panic!("expected one staging folder, found {:?}", names(parent)),
    }
}

/// Runs the child, which must not stop at `step` but run to the end.
fn run_to_the_end(out: &Path, step: Option<&str>, no_exchange: bool) {
    let output = run_child(out, step, no_exchange);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// A folder with the previous output in `out`.
fn previous_output() -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    synth(&out, &old());
    (parent, out)
}

/// The next run succeeds, writes the new output and leaves nothing beside it.
fn assert_the_next_run_cleans_up(parent: &Path, out: &Path) {
    synth(out, &new());
    assert_eq!(tree(out), expected(&new()));
    assert_eq!(names(parent), ["out"], "the next run removes the staging folder");
}

#[test]
fn stopped_while_staging_is_written_the_previous_output_stays() {
    let (parent, out) = previous_output();
    crash(&out, "staging-partly-written", false);
    assert_eq!(tree(&out), expected(&old()));
    let staging = the_staging_folder(parent.path());
    assert!(staging.join(MARKER).is_file());
    assert_eq!(tree(&staging.join("output")).len(), 2, "app/ and its first file");
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[test]
fn stopped_with_staging_complete_the_previous_output_stays() {
    let (parent, out) = previous_output();
    crash(&out, "staging-complete", false);
    assert_eq!(tree(&out), expected(&old()));
    let staging = the_staging_folder(parent.path());
    assert_eq!(tree(&staging.join("output")), expected(&new()));
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[test]
fn stopped_right_after_the_exchange_the_new_output_is_in_place() {
    let (parent, out) = previous_output();
    crash(&out, "swapped", false);
    assert_eq!(tree(&out), expected(&new()));
    let staging = the_staging_folder(parent.path());
    assert_eq!(tree(&staging.join("output")), expected(&old()), "the exchange put the previous output there");
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[cfg(target_os = "linux")]
#[test]
fn on_linux_the_swap_is_an_exchange_and_never_takes_the_two_renames() {
    let (parent, out) = previous_output();
    run_to_the_end(&out, Some("between-renames"), false);
    assert_eq!(tree(&out), expected(&new()));
    assert_eq!(names(parent.path()), ["out"]);
}

#[test]
fn stopped_between_the_two_renames_the_previous_output_is_complete_in_the_staging_folder() {
    let (parent, out) = previous_output();
    crash(&out, "between-renames", true);
    assert!(!out.exists(), "between the renames the output path is empty");
    let staging = the_staging_folder(parent.path());
    assert_eq!(tree(&staging.join("previous")), expected(&old()));
    assert_eq!(tree(&staging.join("output")), expected(&new()));
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[test]
fn stopped_after_the_two_renames_the_new_output_is_in_place() {
    let (parent, out) = previous_output();
    crash(&out, "swapped", true);
    assert_eq!(tree(&out), expected(&new()));
    let staging = the_staging_folder(parent.path());
    assert_eq!(tree(&staging.join("previous")), expected(&old()));
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[test]
fn the_two_renames_replace_the_output_when_not_stopped() {
    let (parent, out) = previous_output();
    run_to_the_end(&out, None, true);
    assert_eq!(tree(&out), expected(&new()));
    assert_eq!(names(parent.path()), ["out"]);
}

#[test]
fn a_first_synth_stopped_before_the_rename_leaves_no_output_folder() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    crash(&out, "staging-complete", false);
    assert!(!out.exists());
    assert_eq!(leftovers(parent.path()).len(), 1);
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[test]
fn many_stopped_runs_leave_staging_folders_that_one_run_removes() {
    let (parent, out) = previous_output();
    for step in ["staging-partly-written", "staging-complete", "staging-partly-written", "swapped", "staging-complete"]
    {
        crash(&out, step, false);
    }
    assert_eq!(leftovers(parent.path()).len(), 5);
    assert_the_next_run_cleans_up(parent.path(), &out);
}

#[test]
fn only_folders_with_the_marker_are_removed_as_leftovers() {
    let (parent, out) = previous_output();
    let folder = |name: &str, marker: bool| {
        let path = parent.path().join(name);
        fs::create_dir_all(path.join("output")).unwrap();
        fs::write(path.join("output/precious.txt"), "keep").unwrap();
        if marker {
            fs::write(path.join(MARKER), "").unwrap();
        }
        path
    };
    let marked = folder(".out.synth-marked", true);
    let look_alikes = [
        folder(".out.synth-unmarked", false),
        folder(".out.previous-unmarked", false),
        folder(".other.synth-marked", true),
    ];
    let marker_is_a_folder = folder(".out.synth-marker-folder", false);
    fs::create_dir(marker_is_a_folder.join(MARKER)).unwrap();
    let empty = parent.path().join(".out.synth-empty");
    fs::create_dir(&empty).unwrap();
    synth(&out, &new());
    assert!(!marked.exists());
    assert!(!empty.exists(), "an empty folder named like a staging folder holds nothing to lose");
    for kept in look_alikes.iter().chain([&marker_is_a_folder]) {
        assert_eq!(fs::read_to_string(kept.join("output/precious.txt")).unwrap(), "keep", "{}", kept.display());
    }
}

#[test]
fn a_staging_folder_whose_marker_is_locked_belongs_to_a_running_synth_and_stays() {
    let (parent, out) = previous_output();
    let running = parent.path().join(".out.synth-running");
    fs::create_dir_all(running.join("output")).unwrap();
    let marker = File::create(running.join(MARKER)).unwrap();
    marker.lock().unwrap();
    synth(&out, &new());
    assert!(running.join("output").is_dir());
    drop(marker);
    synth(&out, &new());
    assert!(!running.exists(), "once its run is over, the next run removes it");
}
