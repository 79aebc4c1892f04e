//! The file around the pipelines' functions: a program with `fn main`
//! handing them to `App`, like the examples, or functions to paste into a
//! crate.

use pipewright_dsl::Violation;

use super::naming::Identifiers;
use super::{format, pipeline, template, Loss};
use crate::input::ReadPipeline;

/// What file `synth import` writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// A complete program: the pipelines' functions and a `fn main` that
    /// hands them to `App` (`cargo run -- synth --out out`).
    #[default]
    Program,
    /// The pipelines' functions and `pub fn pipelines() -> Vec<Pipeline>`,
    /// to paste into an existing crate.
    Function,
}

/// The imported code and what it says about its input.
#[derive(Debug)]
pub struct Imported {
    /// The Rust source.
    pub code: String,
    /// What the code does not reproduce, with the pipeline's source.
    pub losses: Vec<(String, Loss)>,
    /// The validation findings of the input, with the pipeline's source;
    /// each is a comment in the code too.
    pub findings: Vec<(String, Violation)>,
    /// Why the code is not formatted, when rustfmt could not run.
    pub unformatted: Option<String>,
}

/// Writes `pipelines` as Rust in `layout`; `origin` (the files read) goes
/// in the file's doc comment.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::import::{import, Layout};
/// use pipewright_synth::input::ReadPipeline;
///
/// let pipeline = Pipeline::build("app", |p| {
///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///     p.artifact_store(ArtifactStore::s3("app-artifacts"));
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
///     p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "app-build", source.artifact()));
///     });
/// });
/// let read = ReadPipeline { source: "app.json".into(), pipeline };
/// let imported = import(&[read], Layout::Function, "app.json");
/// assert!(imported.code.contains(r#"CodeCommitSource::new("Checkout", "app", "main")"#));
/// assert!(imported.code.contains(r#"CodeBuild::new("Build", "app-build", checkout_output)"#));
/// assert!(imported.losses.is_empty());
/// ```
pub fn import(pipelines: &[ReadPipeline], layout: Layout, origin: &str) -> Imported {
    import_from_templates(pipelines, &[], layout, origin)
}

/// [`import`], where a pipeline read from one of `templates` (each with
/// the label its pipelines' sources start with, `file > LogicalId`) also
/// gets the template's parameters, conditions, and the EventBridge and
/// notification rules about it.
pub fn import_from_templates(
    pipelines: &[ReadPipeline],
    templates: &[(String, serde_json::Value)],
    layout: Layout,
    origin: &str,
) -> Imported {
    let mut functions = Identifiers::reserving(&["main", "pipelines", "pipeline"]);
    let mut code = String::new();
    code.push_str(&format!("//! Imported by `synth import` from {}.\n", origin.replace('\n', " ")));
    if layout == Layout::Program {
        code.push_str("//!\n//! ```sh\n//! cargo run -- synth --out out\n//! ```\n");
    }
    code.push_str("\nuse pipewright::prelude::*;\n");
    let mut uses: Vec<&'static str> = Vec::new();
    let mut functions_code = String::new();
    let mut names = Vec::new();
    let mut losses = Vec::new();
    let mut findings = Vec::new();
    for read in pipelines {
        let function = functions.claim(&read.pipeline.name(), "pipeline");
        let found = read.pipeline.check();
        let around = template_of(&read.source, templates)
            .map(|(template, logical_id)| (logical_id, template::write(template, logical_id)));
        for used in around.iter().flat_map(|(_, around)| around.uses.iter()) {
            if !uses.contains(used) {
                uses.push(used);
            }
        }
        let around = around.as_ref().map(|(logical_id, around)| (*logical_id, around));
        let written = pipeline::write(&read.pipeline, &function, &found, around);
        functions_code.push_str(&written.code);
        functions_code.push('\n');
        losses.extend(written.losses.into_iter().map(|loss| (read.source.clone(), loss)));
        findings.extend(found.into_iter().map(|finding| (read.source.clone(), finding)));
        names.push(function);
    }
    uses.sort_unstable();
    let mut modules: Vec<(&str, Vec<&str>)> = Vec::new();
    for used in uses {
        let (module, name) = used.rsplit_once("::").unwrap_or(("", used));
        match modules.iter_mut().find(|(known, _)| *known == module) {
            Some((_, names)) => names.push(name),
            None => modules.push((module, vec![name])),
        }
    }
    for (module, names) in modules {
        match names.as_slice() {
            [name] => code.push_str(&format!("use {module}::{name};\n")),
            names => code.push_str(&format!("use {module}::{{{}}};\n", names.join(", "))),
        }
    }
    code.push('\n');
    code.push_str(&functions_code);
    match layout {
        Layout::Program => {
            let added: String = names.iter().map(|name| format!(".pipeline({name}())")).collect();
            code.push_str(&format!("fn main() -> std::process::ExitCode {{\nApp::new(){added}.run()\n}}\n"));
        }
        Layout::Function => {
            let listed: Vec<String> = names.iter().map(|name| format!("{name}()")).collect();
            code.push_str(&format!(
                "/// Every imported pipeline, in order.\npub fn pipelines() -> Vec<Pipeline> {{\nvec![{}]\n}}\n",
                listed.join(", ")
            ));
        }
    }
    let (code, unformatted) = match format::rustfmt(&code) {
        Ok(formatted) => (formatted, None),
        Err(why) => (code, Some(why)),
    };
    Imported { code, losses, findings, unformatted }
}

/// The template a pipeline was read from, and its logical id there: its
/// source is `<label> > <LogicalId>`, with ` (every condition true)` after
/// it when the template was read once per branch of its conditions.
fn template_of<'a>(
    source: &'a str,
    templates: &'a [(String, serde_json::Value)],
) -> Option<(&'a serde_json::Value, &'a str)> {
    templates.iter().find_map(|(label, template)| {
        let rest = source.strip_prefix(label.as_str())?.strip_prefix(" > ")?;
        let logical_id = rest.split_once(" (").map_or(rest, |(logical_id, _)| logical_id);
        Some((template, logical_id))
    })
}
