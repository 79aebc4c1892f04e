"""Parsing every example's Mermaid diagram with Mermaid's own parser.

`cargo run --example NAME -- graph` writes each example's diagram; the
`mermaid` package, pinned with its dependencies in
`scripts/mermaid-check/package-lock.json`, parses it under Node (jsdom gives
its sanitizer a DOM). The packages are installed with `npm ci` into
`target/mermaid-check/`, again only when the lock file changes.
"""

import json
import subprocess
from pathlib import Path

from .examples import example_names, last_lines, run
from .npm_package import install_locked
from .report import Tally

def check_diagrams(repo: Path, scratch: Path, tally: Tally) -> None:
    """Draws every example with `graph` and parses each diagram."""
    diagrams = {}
    for name in example_names(repo):
        label = f"examples/{name} graph"
        process = run(repo, ["cargo", "run", "--quiet", "--example", name, "--", "graph"])
        if process.returncode != 0:
            tally.fail(label, f"exit {process.returncode}: " + last_lines(process.stderr or process.stdout))
            continue
        path = scratch / f"{name}.mmd"
        path.write_text(process.stdout)
        diagrams[str(path)] = label
    if not diagrams:
        return
    try:
        folder = install_locked(repo, "mermaid-check", "Mermaid parser", extra_files=("check.mjs",))
    except (OSError, subprocess.CalledProcessError) as error:
        tally.fail("scripts/mermaid-check", f"cannot install the Mermaid parser: {error}")
        return
    process = subprocess.run(["node", str(folder / "check.mjs"), *diagrams], cwd=folder, capture_output=True,
                             text=True, stdin=subprocess.DEVNULL)
    reported = set()
    for line in process.stdout.splitlines():
        result = json.loads(line)
        reported.add(result["path"])
        label = diagrams[result["path"]]
        if result["ok"]:
            tally.ok(label, f"Mermaid parses it: {result['nodes']} nodes, {result['edges']} edges, "
                            f"{result['subgraphs']} subgraphs")
        else:
            tally.fail(label, "Mermaid does not parse it: " + result["error"])
    for path, label in diagrams.items():
        if path not in reported:
            tally.fail(label, "the Mermaid check said nothing about it: " + last_lines(process.stderr))
