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
from .report import Tally

PIPELINE_FILES = ("*.json", "*.yaml", "*.yml")
FINDING = re.compile(r"^(error|warning)\[([a-z0-9-]+)\]:", re.MULTILINE)


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
        process = subprocess.run([str(synth), "validate", str(path)], capture_output=True, text=True,
                                 stdin=subprocess.DEVNULL)
        output = process.stdout + process.stderr
        findings = Counter(f"{severity}[{rule}]" for severity, rule in FINDING.findall(output))
        label = f"corpus/{path.name}"
        if process.returncode not in (0, 1):
            tally.fail(label, f"synth validate crashed (exit {process.returncode}): {last_lines(output)}")
        elif process.returncode == 1 and not findings:
            tally.fail(label, f"synth validate refused the file: {last_lines(output)}")
        else:
            listed = ", ".join(f"{finding} x{count}" if count > 1 else finding
                               for finding, count in sorted(findings.items()))
            tally.ok(label, listed or "no findings")


def target_dir(repo: Path) -> Path:
    """Cargo's target folder (CARGO_TARGET_DIR or the workspace's)."""
    process = run(repo, ["cargo", "metadata", "--format-version", "1", "--no-deps"])
    return Path(json.loads(process.stdout)["target_directory"])
