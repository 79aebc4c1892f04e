//! `synth validate` on inputs that must fail at once with a clear message:
//! files that are not regular files, too large, too deep, in another
//! encoding or with constructs the readers refuse. Each run is a child
//! process with a time limit, so a reader that hangs fails its test instead
//! of hanging the test run.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Longer than any of these runs takes in a debug build (well under a
/// second), short enough that a hang fails the test.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Runs `synth` in `dir`; exit code, stdout and stderr. Panics when it
/// does not end within [`TIME_LIMIT`] (after killing it).
fn synth(args: &[&str], dir: &Path) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_synth"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).unwrap();
        text
    });
    let err = thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("synth {args:?} did not end within {TIME_LIMIT:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    (status.code().unwrap(), out.join().unwrap(), err.join().unwrap())
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    fs::write(dir.join(name), contents).unwrap();
}

const PIPELINE_JSON: &str = r#"{"pipeline": {
  "name": "p",
  "roleArn": "arn:aws:iam::123456789012:role/R",
  "artifactStore": {"type": "S3", "location": "bucket"},
  "stages": [
    {"name": "Source", "actions": [{"name": "Checkout",
      "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
      "configuration": {"RepositoryName": "r", "BranchName": "main"}, "outputArtifacts": [{"name": "Code"}]}]},
    {"name": "Approve", "actions": [{"name": "Approve",
      "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}}]}
  ]
}}
"#;

#[test]
fn a_fifo_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("mkfifo").arg(dir.path().join("pipe.json")).status().unwrap();
    assert!(status.success());
    let (code, stdout, stderr) = synth(&["validate", "pipe.json"], dir.path());
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert_eq!(
        stderr,
        "error: pipe.json: not a regular file: it is a FIFO (named pipe); give the path of a pipeline file\n"
    );
}

#[test]
fn devices_and_folders_without_pipelines_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("templates")).unwrap();
    let (code, _, stderr) = synth(&["validate", "/dev/zero", "/dev/urandom", "templates"], dir.path());
    assert_eq!(code, 3);
    assert_eq!(
        stderr,
        "error: /dev/zero: not a regular file: it is a device; give the path of a pipeline file\n\
         error: /dev/urandom: not a regular file: it is a device; give the path of a pipeline file\n\
         error: templates: the folder holds no pipeline file (pipeline.json, template.json, template.yaml); give \
         a pipeline file or an output folder of synth\n"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_limit_can_be_raised() {
    let dir = tempfile::tempdir().unwrap();
    let padded = format!("{PIPELINE_JSON}{}", " ".repeat(2_000));
    write(dir.path(), "big.json", &padded);
    let (code, _, stderr) = synth(&["validate", "--max-file-size", "1000", "big.json"], dir.path());
    assert_eq!(code, 3);
    assert_eq!(
        stderr,
        "error: big.json: the file is larger than 1000 bytes, the most that is read; raise the limit with \
         --max-file-size (e.g. --max-file-size 256MiB)\n"
    );
    let (code, stdout, _) = synth(&["validate", "--max-file-size", "1MiB", "big.json"], dir.path());
    assert_eq!((code, stdout.as_str()), (0, "big.json: pipeline \"p\": 0 errors, 0 warnings\n"));
    let (_, help, _) = synth(&["validate", "--help"], dir.path());
    assert!(help.contains("--max-file-size <SIZE>"), "{help}");
    assert!(help.contains("[default: 64MiB]"), "{help}");
}

#[test]
fn deep_nesting_fails_at_once_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let deep = "{\"a\":".repeat(100_000);
    write(dir.path(), "deep.json", &deep);
    write(dir.path(), "deep.yaml", &deep);
    write(dir.path(), "deep.txt", &deep);
    write(dir.path(), "deep-list.yaml", "a: ".to_owned() + &"[".repeat(100_000));
    let started = Instant::now();
    let (code, _, stderr) = synth(&["validate", "deep.json", "deep.yaml", "deep.txt", "deep-list.yaml"], dir.path());
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    for line in lines {
        assert!(line.contains("nested deeper than 128 levels"), "{line}");
    }
}

#[test]
fn a_pipeline_inside_for_each_is_reported_as_unchecked_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "template.yaml",
        "Transform: AWS::LanguageExtensions\n\
         Resources:\n\
         \x20 Fn::ForEach::Envs:\n\
         \x20   - Env\n\
         \x20   - [Dev, Prod]\n\
         \x20   - ${Env}Pipeline:\n\
         \x20       Type: AWS::CodePipeline::Pipeline\n\
         \x20       Properties: {RoleArn: r, Stages: []}\n",
    );
    let (code, stdout, stderr) = synth(&["validate", "template.yaml"], dir.path());
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.starts_with(
            "error: template.yaml > Fn::ForEach::Envs: an AWS::CodePipeline::Pipeline inside `Fn::ForEach` \
             cannot be checked"
        ),
        "{stderr}"
    );
}

#[test]
fn a_repeated_json_key_is_an_error_at_any_depth() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "top.json", PIPELINE_JSON.replacen("\"name\": \"p\",", "\"name\": \"p\", \"name\": \"q\",", 1));
    write(
        dir.path(),
        "deep.json",
        PIPELINE_JSON.replacen("\"BranchName\": \"main\"", "\"BranchName\": \"main\", \"BranchName\": \"dev\"", 1),
    );
    let (code, _, stderr) = synth(&["validate", "top.json", "deep.json"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: top.json: line 2, column 21: the key `name` appears twice in the object at pipeline; keep one\n\
         error: deep.json: line 8, column 81: the key `BranchName` appears twice in the object at \
         pipeline.stages[0].actions[0].configuration; keep one\n"
    );
}

#[test]
fn yaml_tags_cloudformation_does_not_define_are_errors_with_the_tag_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "binary.yaml", "Resources:\n  Data: !!binary aGVsbG8=\n");
    write(dir.path(), "python.yaml", "Resources:\n  X:\n    Type: !!python/object/apply:os.system [ls]\n");
    let (code, _, stderr) = synth(&["validate", "binary.yaml", "python.yaml"], dir.path());
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].starts_with("error: binary.yaml: line 2, column "), "{stderr}");
    assert!(lines[0].contains(": the tag `!!binary` is not one CloudFormation reads"), "{stderr}");
    assert!(lines[1].starts_with("error: python.yaml: line 3, column "), "{stderr}");
    assert!(lines[1].contains("the tag `!!python/object/apply:os.system` is not one"), "{stderr}");
}

#[test]
fn encoding_errors_say_what_the_file_is_or_where_the_bad_byte_is() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(PIPELINE_JSON.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    write(dir.path(), "utf16.json", utf16);
    let mut latin1 = PIPELINE_JSON.as_bytes().to_vec();
    latin1.splice(26..26, [0xE9]);
    write(dir.path(), "latin1.json", latin1);
    write(dir.path(), "bom.json", format!("\u{feff}{PIPELINE_JSON}"));
    let (code, stdout, stderr) = synth(&["validate", "utf16.json", "latin1.json", "bom.json"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: utf16.json: the file is UTF-16 (little-endian); save it as UTF-8\n\
         error: latin1.json: the file is not UTF-8 text: byte 26 (line 2) is not valid UTF-8; save the file as \
         UTF-8\n"
    );
    assert!(stdout.starts_with("bom.json: pipeline \"p\": 0 errors, 0 warnings\n"), "{stdout}");
}

#[test]
fn a_json_file_with_a_comment_gets_a_json_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "commented.json", format!("// exported from the console\n{PIPELINE_JSON}"));
    write(dir.path(), "commented.template", "{\n  // the pipeline\n  \"Resources\": {}\n}\n");
    let (code, _, stderr) = synth(&["validate", "commented.json", "commented.template"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: commented.json: line 1, column 1: expected value\n\
         error: commented.template: line 2, column 3: key must be a string\n"
    );
}

#[test]
fn a_run_order_that_is_no_whole_number_names_its_path_and_range() {
    let dir = tempfile::tempdir().unwrap();
    for (name, run_order) in [("negative.json", "-1"), ("text.json", "\"first\""), ("huge.json", "99999999999")] {
        write(
            dir.path(),
            name,
            PIPELINE_JSON.replacen(
                "[{\"name\": \"Approve\",",
                &format!("[{{\"name\": \"Approve\", \"runOrder\": {run_order},"),
                1,
            ),
        );
    }
    let (code, _, stderr) = synth(&["validate", "negative.json", "text.json", "huge.json"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: negative.json: pipeline.stages[1].actions[0].runOrder: must be a whole number from 1 to 999, found -1\n\
         error: text.json: pipeline.stages[1].actions[0].runOrder: must be a whole number from 1 to 999, found \"first\"\n\
         error: huge.json: pipeline.stages[1].actions[0].runOrder: must be a whole number from 1 to 999, found \
         99999999999\n"
    );
}

#[test]
fn text_from_the_input_is_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ansi.json", PIPELINE_JSON.replacen("\"name\": \"p\"", "\"name\": \"\\u001b[31mp\\r\\nx\"", 1));
    write(dir.path(), "key.json", PIPELINE_JSON.replacen("\"name\": \"p\",", "\"\\u001b[2Jname\": \"p\",", 1));
    write(dir.path(), "evil\nname.json", "{}");
    let (code, stdout, stderr) = synth(&["validate", "ansi.json", "key.json", "evil\nname.json"], dir.path());
    assert_eq!(code, 1);
    assert!(stdout.contains("ansi.json: pipeline \"\\u{1b}[31mp\\r\\nx\": "), "{stdout}");
    assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'), "{stdout}{stderr}");
    assert!(stderr.contains("error: key.json: pipeline.\\u{1b}[2Jname: unknown field `\\u{1b}[2Jname`"), "{stderr}");
    assert!(stderr.contains("error: evil\\nname.json: not a pipeline"), "{stderr}");
}

#[test]
fn an_empty_file_says_it_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.json", "");
    write(dir.path(), "blank.yaml", "\u{feff} \n\t\n ");
    let (code, _, stderr) = synth(&["validate", "empty.json", "blank.yaml"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: empty.json: the file is empty (or only white space); expected a pipeline\n\
         error: blank.yaml: the file is empty (or only white space); expected a pipeline\n"
    );
}
