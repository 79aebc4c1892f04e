//! Synthesis against its floor.
//!
//! Synthesis is pure data transformation, so its floor is serializing the
//! same output with serde_json. Two workloads, each measured twice:
//!
//! - `maximal`: one pipeline at the quotas: 50 stages and 500 actions (10
//!   a stage). AWS allows 50 actions in a stage but 500 in a pipeline, so
//!   50 stages of 50 actions would be refused;
//! - `seed_x1000`: 1,000 pipelines the size of the origin document's
//!   (a connection source, a CodeBuild build, an ECS deploy).
//!
//! `synth` builds the pipelines with the typed builders, validates them and
//! renders every output file in memory (`Synth::assemble`: API JSON,
//! CloudFormation, manifest). `floor` serializes, with
//! `serde_json::to_string_pretty`, the already-built JSON values of exactly
//! those files. After the run the ratio synth / floor of each workload is
//! printed from criterion's estimates.
//!
//! ```sh
//! cargo bench -p pipewright-synth --bench synth
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::Criterion;
use pipewright_dsl::prelude::*;
use pipewright_synth::{Format, Synth};
use serde_json::Value;

/// The quotas: 50 stages per pipeline, 500 actions per pipeline.
const STAGES: usize = 50;
const ACTIONS_PER_STAGE: usize = 10;
/// How many seed-sized pipelines the second workload synthesizes.
const SEED_PIPELINES: usize = 1_000;
/// In each non-source stage of the maximal pipeline, actions run in chains
/// of this length (each ordered after its neighbour); the chains run in
/// parallel.
const CHAIN: usize = 5;

/// 50 stages of 10 actions: 10 CodeCommit sources, then 49 stages of CodeBuild
/// actions, each building the output of the action at its position in the
/// stage before (or a source) into an artifact of its own.
fn maximal_pipeline() -> Pipeline {
    Pipeline::build("maximal", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("maximal-artifacts"));
        let mut previous: Vec<Artifact<'_>> = p.source_stage("Source", |s| {
            (0..ACTIONS_PER_STAGE)
                .map(|index| {
                    s.add(CodeCommitSource::new(format!("Source-{index}"), format!("repo-{index}"), "main")).artifact()
                })
                .collect()
        });
        for stage in 1..STAGES {
            previous = p.stage(format!("Stage-{stage}"), |s| {
                let mut neighbour: Option<ActionRef<'_>> = None;
                let mut outputs = Vec::with_capacity(ACTIONS_PER_STAGE);
                for (index, input) in previous.iter().enumerate() {
                    let mut build =
                        CodeBuild::new(format!("Build-{index}"), format!("project-{stage}-{index}"), *input)
                            .output(format!("Stage{stage}Build{index}"));
                    if let Some(neighbour) = neighbour.filter(|_| index % CHAIN != 0) {
                        build = build.after(&neighbour);
                    }
                    let handle = s.add(build);
                    neighbour = Some(handle.action);
                    outputs.push(handle.artifact());
                }
                outputs
            });
        }
    })
}

/// The origin document's basic pipeline, named `seed-<index>`.
fn seed_pipeline(index: usize) -> Pipeline {
    Pipeline::build(format!("seed-{index}"), |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeStarConnectionSource::new(
                    "SourceAction",
                    "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
                    "user/repo",
                    "main",
                )
                .output_name("SourceOutput"),
            )
        });
        let built = p.stage("Build", |s| {
            s.add(CodeBuild::new("BuildAction", "my-build-project", source.artifact()).output("BuildOutput"))
        });
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("DeployAction", "my-cluster", "my-service", built.artifact()));
        });
    })
}

/// Builds, validates and renders every file; returns the files' contents.
fn synthesize(dir: &Path, build: impl Fn() -> Vec<Pipeline>) -> Vec<String> {
    let pipelines = build();
    let assembly = Synth::new(dir).add_all(&pipelines).format(Format::Json).assemble().unwrap_or_else(|error| {
        panic!("the benchmark's pipelines must synthesize:\n{error}");
    });
    assembly.files.into_iter().map(|file| file.contents).collect()
}

/// The floor: serde_json writing the same documents from built values.
fn serialize(values: &[Value]) -> Vec<String> {
    values.iter().map(|value| serde_json::to_string_pretty(value).expect("a JSON value serializes")).collect()
}

/// The rendered files as JSON values (YAML files are read as YAML).
fn as_values(files: &[String]) -> Vec<Value> {
    files
        .iter()
        .map(|contents| {
            serde_json::from_str(contents).unwrap_or_else(|_| serde_yaml::from_str(contents).expect("JSON or YAML"))
        })
        .collect()
}

fn workload(c: &mut Criterion, name: &str, build: impl Fn() -> Vec<Pipeline> + Copy) {
    let dir = PathBuf::from("out");
    let values = as_values(&synthesize(&dir, build));
    let mut group = c.benchmark_group(name);
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.bench_function("synth", |b| b.iter(|| black_box(synthesize(&dir, build))));
    group.bench_function("floor", |b| b.iter(|| black_box(serialize(black_box(&values)))));
    group.finish();
}

/// The time of one iteration of a criterion benchmark, from the
/// `estimates.json` this run wrote (an older one, of a benchmark this run
/// filtered out, is not used).
fn iteration_nanoseconds(criterion_dir: &Path, group: &str, function: &str, run_start: SystemTime) -> Option<f64> {
    let path = criterion_dir.join(group).join(function).join("new/estimates.json");
    if std::fs::metadata(&path).and_then(|metadata| metadata.modified()).ok()? < run_start {
        return None;
    }
    let estimates: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    // The slope (time per iteration fitted over the samples) is what
    // criterion prints as `time:`; it is absent only with flat sampling.
    estimates["slope"]["point_estimate"].as_f64().or_else(|| estimates["mean"]["point_estimate"].as_f64())
}

/// `target/criterion`, beside the folder that holds this benchmark binary.
fn criterion_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the benchmark knows its own path");
    let target = exe.ancestors().nth(3).expect("target/<profile>/deps/<binary>");
    target.join("criterion")
}

fn main() {
    let run_start = SystemTime::now();
    let criterion_dir = criterion_dir();
    let mut criterion = Criterion::default().output_directory(&criterion_dir).configure_from_args();
    workload(&mut criterion, "maximal", || vec![maximal_pipeline()]);
    workload(&mut criterion, "seed_x1000", || (0..SEED_PIPELINES).map(seed_pipeline).collect());
    criterion.final_summary();
    if !std::env::args().any(|argument| argument == "--bench") {
        return; // `cargo test --benches` runs each routine once; there is nothing to compare
    }
    println!("\nsynth time / floor time (target: at most 3x)");
    for group in ["maximal", "seed_x1000"] {
        let synth = iteration_nanoseconds(&criterion_dir, group, "synth", run_start);
        let floor = iteration_nanoseconds(&criterion_dir, group, "floor", run_start);
        match (synth, floor) {
            (Some(synth), Some(floor)) => println!(
                "{group:<12} synth {:>10.3} ms  floor {:>10.3} ms  ratio {:.2}x",
                synth / 1e6,
                floor / 1e6,
                synth / floor
            ),
            _ => println!("{group:<12} no estimates (filtered out of this run)"),
        }
    }
}
