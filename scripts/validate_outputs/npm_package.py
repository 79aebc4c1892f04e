"""Node packages pinned by a lock file under scripts/, installed with
`npm ci` into target/, again only when the lock file changes."""

import hashlib
import shutil
import subprocess
from pathlib import Path


def install_locked(repo: Path, name: str, what: str, extra_files: tuple[str, ...] = ()) -> Path:
    """Copies scripts/NAME (package.json, package-lock.json and
    `extra_files`) into target/NAME and installs its locked packages there,
    unless the same lock is installed already; returns the folder. `what`
    names the packages in the progress line."""
    source = repo / "scripts" / name
    folder = repo / "target" / name
    stamp = folder / "package-lock.sha256"
    digest = hashlib.sha256((source / "package-lock.json").read_bytes()).hexdigest()
    if not (stamp.exists() and stamp.read_text() == digest and (folder / "node_modules").is_dir()):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for file in ("package.json", "package-lock.json"):
            shutil.copy(source / file, folder / file)
        print(f"installing the pinned {what} into {folder.relative_to(repo)} ...", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder, check=True,
                       stdin=subprocess.DEVNULL)
        stamp.write_text(digest)
    for file in extra_files:
        shutil.copy(source / file, folder / file)
    return folder
