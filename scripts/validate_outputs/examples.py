"""Synthesizing every example, in both template formats."""

import subprocess
from pathlib import Path

from .report import Tally

FORMATS = ("json", "yaml")


def example_names(repo: Path) -> list[str]:
    """`examples/NAME.rs` and `examples/NAME/main.rs`, sorted."""
    examples = repo / "examples"
    single = [path.stem for path in examples.glob("*.rs")]
    folders = [path.parent.name for path in examples.glob("*/main.rs")]
    return sorted(single + folders)


def synthesize(repo: Path, out_root: Path, tally: Tally) -> list[Path]:
    """Runs `cargo run --example NAME -- synth --out DIR --format F` for
    every example and format; returns the folders written. A failed synth
    is a FAIL line."""
    names = example_names(repo)
    if not names:
        tally.fail("examples/", "no example found (examples/*.rs or examples/*/main.rs)")
        return []
    build = run(repo, ["cargo", "build", "--quiet", "--examples"])
    if build.returncode != 0:
        tally.fail("examples/", "cargo build --examples failed: " + last_lines(build.stderr))
        return []
    written = []
    for name in names:
        for template_format in FORMATS:
            out = out_root / name / template_format
            label = f"examples/{name} synth --format {template_format}"
            process = run(repo, ["cargo", "run", "--quiet", "--example", name, "--",
                                 "synth", "--out", str(out), "--format", template_format])
            if process.returncode != 0:
                tally.fail(label, f"exit {process.returncode}: " + last_lines(process.stderr or process.stdout))
            else:
                tally.ok(label)
                written.append(out)
    return written


def run(repo: Path, command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def last_lines(text: str, count: int = 5) -> str:
    return " | ".join(text.strip().splitlines()[-count:])
