"""Where each output file is deployed, as `manifest.json` says."""

import json
from pathlib import Path
from typing import NamedTuple


class Placement(NamedTuple):
    """The account and Region a file is deployed in (None when not said)."""

    account: str | None
    region: str | None


def placements(root: Path) -> dict[Path, Placement]:
    """Every file the manifest of the output folder `root` lists, with its
    account and Region; empty when there is no readable manifest."""
    try:
        manifest = json.loads((root / "manifest.json").read_text())
    except (OSError, ValueError):
        return {}
    found = {}
    for pipeline in manifest.get("pipelines", []):
        for entry in pipeline.get("files", []):
            found[(root / entry["path"]).resolve()] = Placement(entry.get("account"), entry.get("region"))
    return found


def json_twins(root: Path) -> set[Path]:
    """The JSON twins of YAML templates the manifest of `root` lists (the
    copies the AWS CDK CLI reads); linting the YAML template covers them."""
    try:
        manifest = json.loads((root / "manifest.json").read_text())
    except (OSError, ValueError):
        return set()
    return {(root / entry["path"]).resolve() for pipeline in manifest.get("pipelines", [])
            for entry in pipeline.get("files", []) if "jsonTwinOf" in entry}



def unexplained_missing_pipelines(root: Path) -> list[str] | None:
    """The pipelines of the manifest of `root` whose folder has no
    `pipeline.json` although `notWritten` does not list it (a pipeline that
    holds CloudFormation expressions is deployed with its template only,
    and the manifest says so); None when there is no readable manifest."""
    try:
        manifest = json.loads((root / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    missing = []
    for pipeline in manifest.get("pipelines", []):
        path = f"{pipeline['folder']}/pipeline.json"
        explained = any(entry.get("path") == path for entry in pipeline.get("notWritten", []))
        if not (root / path).is_file() and not explained:
            missing.append(path)
    return missing
