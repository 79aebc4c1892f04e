"""The corpus rebuilds' templates through cfn-lint.

The twelve pipelines of ../shared/corpus are rebuilt with the typed
builders in `tests/integration/corpus/` (they need no corpus file). The
test `output_folders_validate` synthesizes each of them, with JSON and with
YAML templates, and checks the folders with `synth validate`; with
`PIPEWRIGHT_KEEP_OUTPUTS=DIR` it keeps them as `DIR/corpus/<file>/<format>`.
This runs that test so, then lints every template written there, like the
examples' (no error, no warning).
"""

import os
import subprocess
from pathlib import Path

from .examples import last_lines
from .report import Tally

TEST = "output_folders_validate::"
KEEP = "PIPEWRIGHT_KEEP_OUTPUTS"


def synthesize_rebuilds(repo: Path, out_root: Path, tally: Tally) -> list[Path]:
    """Writes the rebuilds' output folders under `out_root/corpus` by
    running the test; returns the folders (`<file>/<format>`). A failed
    test is a FAIL line."""
    command = ["cargo", "test", "--quiet", "-p", "pipewright", "--test", "integration", TEST]
    process = subprocess.run(command, cwd=repo, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                             env={**os.environ, KEEP: str(out_root)})
    label = "corpus rebuilds synth + synth validate (" + " ".join(command) + ")"
    if process.returncode != 0:
        tally.fail(label, f"exit {process.returncode}: " + last_lines(process.stdout + process.stderr, 20))
        return []
    roots = sorted(path for path in (out_root / "corpus").glob("*/*") if path.is_dir())
    if not roots:
        tally.fail(label, f"the test wrote nothing under {out_root / 'corpus'}")
        return []
    tally.ok(label, f"{len(roots)} output folders")
    return roots
