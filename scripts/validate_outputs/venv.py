"""Virtualenvs of pinned tools under target/, rebuilt when their pins change.

Standard library only: the top-level script uses it before any virtualenv
exists.
"""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path


def ensure(venv: Path, requirements: Path) -> Path:
    """Creates `venv` with the tools `requirements` pins, or reuses the one
    whose recorded pins match; returns its Python."""
    python = venv / "bin" / "python"
    stamp = venv / "requirements.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    if venv.exists():
        shutil.rmtree(venv)
    print(f"installing the tools pinned in {requirements.name} into {venv} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
         "-r", str(requirements)],
        check=True,
    )
    stamp.write_text(digest)
    return python
