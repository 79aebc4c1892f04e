//! `synth import FILE... [--out DIR] [--function]`: reads pipeline files as
//! `synth validate` does and writes their pipelines as Rust.
//!
//! Without `--out` the code of every file goes to stdout as one file; with
//! it, each input file gets `DIR/<file stem in snake_case>.rs`. Findings
//! and what the code does not reproduce go to stderr, each with its path;
//! the exit code is `validate`'s (1 when a pipeline has an error finding),
//! and the code is written either way.

use std::io::Write;
use std::path::{Path, PathBuf};

use pipewright_dsl::printable;

use crate::exit::Exit;
use crate::input::{self, InputError, ReadPipeline};

use super::naming::Identifiers;
use super::{import_from_templates, Imported, Layout};

/// What `synth import` was asked for.
#[derive(Debug)]
pub struct ImportRequest<'a> {
    /// The files to read.
    pub files: &'a [PathBuf],
    /// The largest file read, in bytes.
    pub max_file_size: u64,
    /// The folder to write `<stem>.rs` files to; stdout when `None`.
    pub out: Option<&'a Path>,
    /// What file to write.
    pub layout: Layout,
}

/// Runs `synth import`.
pub fn run(request: &ImportRequest<'_>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
    let mut exit = Exit::Success;
    let mut read_files: Vec<(&PathBuf, Vec<ReadPipeline>)> = Vec::new();
    let mut templates: Vec<(String, serde_json::Value)> = Vec::new();
    for file in request.files {
        match input::read_file(file, request.max_file_size) {
            Ok(read) => {
                for unchecked in &read.unchecked {
                    let _ = writeln!(stderr, "error: {unchecked}; not imported");
                    exit = exit.max(Exit::Invalid);
                }
                if read.pipelines.iter().any(|pipeline| pipeline.source.contains(" > ")) {
                    // Read again as a value: the parameters, conditions and
                    // rules around the pipelines.
                    if let Ok(template) = input::read_value(file, request.max_file_size) {
                        let label = file.display().to_string();
                        let logical_ids: Vec<String> = read
                            .pipelines
                            .iter()
                            .filter_map(|pipeline| pipeline.source.strip_prefix(&format!("{label} > ")))
                            .map(|rest| rest.split_once(" (").map_or(rest, |(id, _)| id).to_owned())
                            .collect();
                        for (path, kind) in super::other_resources(&template, &logical_ids) {
                            let _ = writeln!(
                                stderr,
                                "not imported: {}: {}: {kind}, not a pipeline, a rule about one, a parameter or \
                                 a condition; it stays in the template",
                                printable(&label),
                                printable(&path)
                            );
                        }
                        for pipeline in
                            read.pipelines.iter().filter(|pipeline| pipeline.source.contains(" (every condition"))
                        {
                            let _ = writeln!(
                                stderr,
                                "note: {}: read with its `Fn::If` around whole values resolved one way; each branch \
                                 is imported as a pipeline of its own (import writes no `when` or `then` yet)",
                                printable(&pipeline.source)
                            );
                        }
                        templates.push((label, template));
                    }
                }
                read_files.push((file, read.pipelines));
            }
            Err(error) => {
                let _ = writeln!(stderr, "error: {error}");
                exit = exit.max(match error {
                    InputError::NotAPipeline { .. } => Exit::Invalid,
                    _ => Exit::Io,
                });
            }
        }
    }
    match request.out {
        None => {
            let origin: Vec<String> = read_files.iter().map(|(file, _)| file.display().to_string()).collect();
            let pipelines: Vec<ReadPipeline> = read_files.into_iter().flat_map(|(_, pipelines)| pipelines).collect();
            if pipelines.is_empty() {
                return exit;
            }
            let imported = import_from_templates(&pipelines, &templates, request.layout, &origin.join(", "));
            exit = exit.max(report(&imported, stderr));
            let _ = stdout.write_all(imported.code.as_bytes());
        }
        Some(folder) => {
            if let Err(error) = std::fs::create_dir_all(folder) {
                let _ = writeln!(stderr, "error: {}: cannot create the folder: {error}", folder.display());
                return exit.max(Exit::Io);
            }
            let mut file_names = Identifiers::reserving(&["main", "lib", "mod"]);
            for (file, pipelines) in read_files {
                let stem = file.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
                let target = folder.join(format!("{}.rs", file_names.claim(&stem, "pipeline")));
                let imported =
                    import_from_templates(&pipelines, &templates, request.layout, &file.display().to_string());
                exit = exit.max(report(&imported, stderr));
                match std::fs::write(&target, imported.code.as_bytes()) {
                    Ok(()) => {
                        let _ = writeln!(stdout, "{}: wrote {}", file.display(), target.display());
                    }
                    Err(error) => {
                        let _ = writeln!(stderr, "error: {}: cannot write: {error}", target.display());
                        exit = exit.max(Exit::Io);
                    }
                }
            }
        }
    }
    exit
}

/// Prints the findings and what is not reproduced; the exit code the
/// findings call for.
fn report(imported: &Imported, stderr: &mut dyn Write) -> Exit {
    for (source, finding) in &imported.findings {
        let _ = writeln!(stderr, "{}: {}", printable(source), printable(&finding.to_string()));
    }
    for (source, loss) in &imported.losses {
        let _ = writeln!(stderr, "not reproduced: {}: {loss}", printable(source));
    }
    if let Some(why) = &imported.unformatted {
        let _ = writeln!(stderr, "note: {why}");
    }
    let findings: Vec<_> = imported.findings.iter().map(|(_, finding)| finding.clone()).collect();
    crate::findings::exit_for(&findings, false)
}
