//! `BuildScript` in a real package: `tests/build-script-crate/` is copied
//! into a temporary folder and built with cargo, offline, against this
//! workspace's `Cargo.lock`. Its build script appends a line to
//! `build-runs.log` each time cargo runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

/// The repository's root.
fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the test package whose dependency on pipewright leads to this
/// repository.
fn package_copy() -> tempfile::TempDir {
    let package = tempfile::tempdir().unwrap();
    let original = repository().join("tests/build-script-crate");
    let manifest = fs::read_to_string(original.join("Cargo.toml")).unwrap();
    let manifest = manifest.replace(r#"path = "../..""#, &format!("path = {:?}", repository().display().to_string()));
    assert!(manifest.contains(&repository().display().to_string()), "the copy must depend on this repository");
    fs::write(package.path().join("Cargo.toml"), manifest).unwrap();
    fs::copy(repository().join("Cargo.lock"), package.path().join("Cargo.lock")).unwrap();
    fs::copy(original.join("build.rs"), package.path().join("build.rs")).unwrap();
    fs::create_dir(package.path().join("src")).unwrap();
    for file in ["lib.rs", "pipelines.rs"] {
        fs::copy(original.join("src").join(file), package.path().join("src").join(file)).unwrap();
    }
    package
}

/// `cargo build` of the package, offline, into a target folder under this
/// repository's `target/` that every run of the test shares.
fn cargo_build(package: &Path) -> Output {
    Command::new(env!("CARGO"))
        .args(["build", "--offline"])
        .current_dir(package)
        .env("CARGO_TARGET_DIR", repository().join("target/build-script-crate"))
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

fn succeeded(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "cargo build failed:\n{stderr}");
    stderr
}

fn runs(package: &Path) -> usize {
    fs::read_to_string(package.join("build-runs.log")).map_or(0, |log| log.lines().count())
}

fn modified(path: PathBuf) -> SystemTime {
    fs::metadata(&path).and_then(|metadata| metadata.modified()).unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

/// Sets a file's time of modification to now, as `touch` does.
fn touch(path: PathBuf) {
    fs::File::options().append(true).open(path).unwrap().set_modified(SystemTime::now()).unwrap();
}

#[test]
/// One test, so that the builds, which share a target folder, run one after
/// the other.
fn the_build_script_runs_again_only_when_the_pipelines_change_and_rewrites_only_changed_files() {
    let package = package_copy();
    let package = package.path();
    let out = package.join("pipelines");

    let first = succeeded(&cargo_build(package));
    assert_eq!(runs(package), 1);
    assert!(out.join("manifest.json").is_file() && out.join("api/pipeline.json").is_file(), "{first}");
    assert!(
        first.contains(&format!("pipewright: wrote 5 changed files of 5 files for 2 pipelines to {}", out.display())),
        "{first}"
    );

    // Nothing changed: cargo does not run the script (it shows the
    // warnings of the script's last run again).
    let second = succeeded(&cargo_build(package));
    assert_eq!(runs(package), 1, "{second}");

    // A file that does not define pipelines changed: cargo does not run the
    // script either (without rerun-if-changed lines it would).
    touch(package.join("src/lib.rs"));
    succeeded(&cargo_build(package));
    assert_eq!(runs(package), 1);

    // The pipelines' file was touched: the script runs, finds every file
    // unchanged, writes nothing and says nothing.
    let before: Vec<SystemTime> = ["manifest.json", "api/pipeline.json", "worker/pipeline.json"]
        .iter()
        .map(|file| modified(out.join(file)))
        .collect();
    std::thread::sleep(Duration::from_millis(20));
    touch(package.join("src/pipelines.rs"));
    let touched = succeeded(&cargo_build(package));
    assert_eq!(runs(package), 2, "{touched}");
    assert!(!touched.contains("pipewright:"), "{touched}");
    let after: Vec<SystemTime> = ["manifest.json", "api/pipeline.json", "worker/pipeline.json"]
        .iter()
        .map(|file| modified(out.join(file)))
        .collect();
    assert_eq!(after, before);

    // One pipeline's branch changed: its pipeline and template are
    // rewritten; the other pipeline's files and the manifest (which does not
    // name branches) keep their time of modification.
    let pipelines = fs::read_to_string(package.join("src/pipelines.rs")).unwrap();
    fs::write(
        package.join("src/pipelines.rs"),
        pipelines.replace(r#"service("worker", "main")"#, r#"service("worker", "release")"#),
    )
    .unwrap();
    let changed = succeeded(&cargo_build(package));
    assert_eq!(runs(package), 3);
    assert!(changed.contains("pipewright: wrote 2 changed files of 5 files for 2 pipelines to"), "{changed}");
    assert!(fs::read_to_string(out.join("worker/pipeline.json")).unwrap().contains("\"release\""));
    assert_ne!(modified(out.join("worker/pipeline.json")), before[2]);
    assert_eq!(modified(out.join("manifest.json")), before[0]);
    assert_eq!(modified(out.join("api/pipeline.json")), before[1]);

    // The pipelines broke: the build fails with every finding, in words,
    // and the output folder stays as it was.
    let written = fs::read_to_string(out.join("manifest.json")).unwrap();
    let pipelines = fs::read_to_string(package.join("src/pipelines.rs")).unwrap();
    let without_role = pipelines.replace(r#"p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");"#, "");
    assert_ne!(without_role, pipelines);
    fs::write(package.join("src/pipelines.rs"), without_role).unwrap();

    let output = cargo_build(package);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("build-script-crate@0.1.0: error[role-required]: pipeline \"api\""), "{stderr}");
    assert!(stderr.contains("build-script-crate@0.1.0: error[role-required]: pipeline \"worker\""), "{stderr}");
    assert!(
        stderr.contains("build-script-crate@0.1.0: pipewright: 2 errors in the pipelines; nothing was written"),
        "{stderr}"
    );
    assert!(!stderr.contains("Invalid(["), "{stderr}");
    assert_eq!(fs::read_to_string(out.join("manifest.json")).unwrap(), written);
}
