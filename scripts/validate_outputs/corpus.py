"""`synth validate` over the pipelines of other people in ../shared/corpus.

Findings are a report, not a failure: the line is `ok` and lists the rules
that fired. Only a crash, or a file the reader refuses (all corpus files are
pipelines AWS accepted), is a FAIL.
"""

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

from .examples import last_lines, run
from .report import Failure, Tally

PIPELINE_FILES = ("*.json", "*.yaml", "*.yml")
# `FILE: error[rule]: location: message` (or warning), one line per finding.
FINDING = re.compile(r"^.*?: (error|warning)\[([a-z0-9-]+)\]:", re.MULTILINE)
# `FILE: pipeline "NAME": N errors, M warnings`, one line per pipeline read.
PIPELINE_READ = re.compile(r': pipeline ".*": \d+ errors?, \d+ warnings?$', re.MULTILINE)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(path for pattern in PIPELINE_FILES for path in corpus.glob(pattern))


def check_corpus(repo: Path, corpus: Path, tally: Tally) -> None:
    files = corpus_files(corpus)
    if not files:
        print(f"note {corpus}: no corpus here, skipped", flush=True)
        return
    build = run(repo, ["cargo", "build", "--quiet", "-p", "pipewright-synth", "--bin", "synth"])
    if build.returncode != 0:
        tally.fail("synth", "cargo build -p pipewright-synth --bin synth failed: " + last_lines(build.stderr))
        return
    synth = target_dir(repo) / "debug" / "synth"
    for path in files:
        tally.check(f"corpus/{path.name}", validate_file, synth, path)


def validate_file(synth: Path, path: Path) -> str:
    """Runs `synth validate FILE`; returns the findings as a note."""
    process = subprocess.run([str(synth), "validate", str(path)], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
    refusals = [line for line in process.stderr.splitlines() if line.startswith("error: ")]
    if process.returncode not in (0, 1) or "panicked" in process.stderr:
        raise Failure(f"synth validate crashed (exit {process.returncode}): {last_lines(process.stderr)}")
    if refusals:
        raise Failure("synth validate refused the file: " + " | ".join(refusals))
    if not PIPELINE_READ.search(process.stdout):
        raise Failure(f"synth validate reported no pipeline: {last_lines(process.stdout + process.stderr)}")
    findings = Counter(f"{severity}[{rule}]" for severity, rule in FINDING.findall(process.stdout))
    return ", ".join(f"{finding} x{count}" if count > 1 else finding
                     for finding, count in sorted(findings.items())) or "no findings"


def target_dir(repo: Path) -> Path:
    """Cargo's target folder (CARGO_TARGET_DIR or the workspace's)."""
    process = run(repo, ["cargo", "metadata", "--format-version", "1", "--no-deps"])
    return Path(json.loads(process.stdout)["target_directory"])
