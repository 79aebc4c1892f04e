//! Every reader of pipeline files, on random bytes and on mutated pipeline
//! files, returns (a value or an error) without panicking, and within a time
//! that only a super-linear blow-up would exceed.
//!
//! Reader paths: API JSON (`PipelineDocument::from_json`, create-pipeline
//! and get-pipeline shapes), JSON and YAML templates (`parse_template_as`
//! with `template_pipelines`), the format detected from the text
//! (`read_template`), and a file read by `synth validate`
//! (`input::read_file`, with its encoding and size checks).
//!
//! `cargo test` runs 256 cases from a fixed seed in a few seconds. A longer
//! run: `PROPTEST_CASES=20000 cargo test --release -p pipewright-synth --test
//! readers_never_panic`; `PROPTEST_RNG_SEED=N` picks another seed.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use pipewright_dsl::model::cloudformation::{parse_template_as, read_template, template_pipelines, TemplateFormat};
use pipewright_dsl::model::PipelineDocument;
use pipewright_synth::input;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// What one reader may take on one input of at most a few KiB: far more
/// than linear parsing needs (microseconds), far less than a quadratic
/// blow-up on deep nesting takes.
const TIME_LIMIT: Duration = Duration::from_secs(1);

/// The seed pipelines of the repository, and templates written here.
fn seeds() -> Vec<Vec<u8>> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/seed");
    let mut seeds: Vec<Vec<u8>> =
        fs::read_dir(folder).unwrap().map(|entry| fs::read(entry.unwrap().path()).unwrap()).collect();
    seeds.sort();
    seeds.extend([TEMPLATE_YAML, TEMPLATE_JSON, FOR_EACH_YAML].map(|text| text.as_bytes().to_vec()));
    seeds
}

const TEMPLATE_YAML: &str = "\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Release:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: !Sub '${AWS::StackName}-release'
      RoleArn: !GetAtt PipelineRole.Arn
      ArtifactStore: {Type: S3, Location: !Ref Bucket}
      RestartExecutionOnUpdate: true
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: 1}
              Configuration: {RepositoryName: &repo my-repo, BranchName: main, PollForSourceChanges: false}
              OutputArtifacts: [{Name: Code}]
              RunOrder: 1
        - Name: Approve
          Actions:
            - Name: Approve
              ActionTypeId: {Category: Approval, Owner: AWS, Provider: Manual, Version: '1'}
              Configuration: {CustomData: *repo}
";

const TEMPLATE_JSON: &str = r#"{
  "Resources": {
    "Pipeline": {
      "Type": "AWS::CodePipeline::Pipeline",
      "Properties": {
        "RoleArn": {"Fn::GetAtt": ["PipelineRole", "Arn"]},
        "ArtifactStore": {"Type": "S3", "Location": {"Ref": "Bucket"}},
        "Stages": [
          {"Name": "Source", "Actions": [{"Name": "Checkout",
            "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "S3", "Version": "1"},
            "Configuration": {"S3Bucket": {"Ref": "Bucket"}, "S3ObjectKey": "app.zip"},
            "OutputArtifacts": [{"Name": "Code"}]}]},
          {"Name": "Deploy", "Actions": [{"Name": "Deploy", "RunOrder": "2",
            "ActionTypeId": {"Category": "Deploy", "Owner": "AWS", "Provider": "S3", "Version": "1"},
            "Configuration": "{\"BucketName\": \"site\", \"Extract\": \"true\"}",
            "InputArtifacts": [{"Name": "Code"}]}]}
        ]
      }
    }
  }
}
"#;

const FOR_EACH_YAML: &str = "\
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Envs:
    - Env
    - [Dev, Prod]
    - ${Env}Pipeline:
        Type: AWS::CodePipeline::Pipeline
        Properties: {RoleArn: r, Stages: []}
";

/// One change to a seed's bytes; positions are taken modulo the length.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Truncate { at: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Duplicate { at: usize, length: usize, times: usize },
    Remove { at: usize, length: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), prop::collection::vec(interesting_byte(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1..64usize, 1..200usize).prop_map(|(at, length, times)| Mutation::Duplicate {
            at,
            length,
            times
        }),
        (any::<usize>(), 1..64usize).prop_map(|(at, length)| Mutation::Remove { at, length }),
    ]
}

/// Bytes that change the structure more often than a random one does.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![prop::sample::select(b"{}[]:,\"'\\!&*-#|>\n\r\t 0\x00\xff\xfe".to_vec()), any::<u8>(),]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let position = |at: usize, length: usize| if length == 0 { 0 } else { at % (length + 1) };
    match mutation {
        Mutation::Flip { at, bits } if !bytes.is_empty() => {
            let at = at % bytes.len();
            bytes[at] ^= bits;
        }
        Mutation::Flip { .. } => {}
        Mutation::Truncate { at } => bytes.truncate(position(*at, bytes.len())),
        Mutation::Insert { at, bytes: inserted } => {
            let at = position(*at, bytes.len());
            bytes.splice(at..at, inserted.iter().copied());
        }
        Mutation::Duplicate { at, length, times } => {
            let start = position(*at, bytes.len());
            let span = bytes[start..(start + length).min(bytes.len())].to_vec();
            let repeated: Vec<u8> = span.iter().copied().cycle().take(span.len() * times).collect();
            bytes.splice(start..start, repeated);
        }
        Mutation::Remove { at, length } => {
            let start = position(*at, bytes.len());
            bytes.drain(start..(start + length).min(bytes.len()));
        }
    }
}

/// Random bytes, or a seed with a few mutations.
fn input() -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds();
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..4096),
        4 => (prop::sample::select(seeds), prop::collection::vec(mutation(), 1..6)).prop_map(|(mut bytes, mutations)| {
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            bytes
        }),
    ]
}

/// Runs one reader and fails when it takes longer than [`TIME_LIMIT`].
fn timed<T>(reader: &str, run: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = run();
    let elapsed = started.elapsed();
    assert!(elapsed < TIME_LIMIT, "{reader} took {elapsed:?}");
    result
}

/// Every reader path on `bytes`; panics (failing the case) on a panic of a
/// reader or a reader slower than [`TIME_LIMIT`].
fn read_every_way(bytes: &[u8], dir: &Path) {
    let text = String::from_utf8_lossy(bytes);
    let _ = timed("PipelineDocument::from_json", || PipelineDocument::from_json(&text));
    for format in [TemplateFormat::Json, TemplateFormat::Yaml] {
        let _ = timed(&format!("{format:?} template"), || {
            parse_template_as(&text, format).and_then(|template| template_pipelines(&template))
        });
    }
    let _ = timed("read_template", || read_template(&text));
    for name in ["case.json", "case.yaml", "case.template"] {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        let _ = timed(&format!("input::read_file({name})"), || input::read_file(&path, 1 << 20));
    }
}

/// The configuration of the environment (`PROPTEST_CASES`, ...) with a
/// fixed seed unless `PROPTEST_RNG_SEED` gives one, and no files of
/// failures written into the repository.
fn config() -> ProptestConfig {
    let config = ProptestConfig::default();
    let rng_seed = match config.rng_seed {
        RngSeed::Random => RngSeed::Fixed(0x5eed_f11e),
        seed => seed,
    };
    ProptestConfig { rng_seed, failure_persistence: None, ..config }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn readers_never_panic_and_stay_fast(bytes in input()) {
        let dir = tempfile::tempdir().unwrap();
        read_every_way(&bytes, dir.path());
    }
}

#[test]
fn the_seeds_themselves_are_read() {
    let dir = tempfile::tempdir().unwrap();
    for seed in seeds() {
        read_every_way(&seed, dir.path());
    }
    let path = dir.path().join("template.yaml");
    fs::write(&path, TEMPLATE_YAML).unwrap();
    assert_eq!(input::read_file(&path, 1 << 20).unwrap().pipelines.len(), 1);
    fs::write(&path, TEMPLATE_JSON).unwrap();
    assert_eq!(input::read_file(&path, 1 << 20).unwrap().pipelines.len(), 1);
}

/// The same over the real pipelines of the corpus as seeds.
#[test]
#[ignore = "needs ../shared/corpus"]
fn readers_never_panic_on_mutated_corpus_files() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus");
    let mut files: Vec<Vec<u8>> = fs::read_dir(corpus)
        .unwrap_or_else(|error| panic!("{corpus}: {error}"))
        .map(|entry| fs::read(entry.unwrap().path()).unwrap())
        .collect();
    files.sort();
    let strategy = (prop::sample::select(files), prop::collection::vec(mutation(), 1..6));
    let mut runner = proptest::test_runner::TestRunner::new(config());
    runner
        .run(&strategy, |(mut bytes, mutations)| {
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            let dir = tempfile::tempdir().unwrap();
            read_every_way(&bytes, dir.path());
            Ok(())
        })
        .unwrap();
}
