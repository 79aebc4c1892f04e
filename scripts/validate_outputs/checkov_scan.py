"""CloudFormation templates through checkov: no failed check.

checkov runs from a virtualenv of its own (`target/validate-outputs/checkov-venv`,
pins in `scripts/checkov.requirements.txt`). A template may skip a check only
in its own `Metadata` (`checkov: skip: [{id, comment}]`), with the reason
written beside it, as the generated support templates do.
"""

import json
import subprocess
from pathlib import Path

from .venv import ensure


def scan(repo: Path, templates: list[Path]) -> dict[Path, list[str]]:
    """Runs checkov over `templates` and returns each one's failed checks,
    one line each."""
    findings: dict[Path, list[str]] = {template: [] for template in templates}
    if not templates:
        return findings
    python = ensure(repo / "target" / "validate-outputs" / "checkov-venv", repo / "scripts" / "checkov.requirements.txt")
    command = [str(python.parent / "checkov"), "--framework", "cloudformation", "--output", "json", "--quiet",
               "--compact", "--skip-download"]
    for template in templates:
        command += ["--file", str(template)]
    process = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    try:
        reports = json.loads(process.stdout or "[]")
    except json.JSONDecodeError:
        message = f"checkov failed (exit {process.returncode}): {process.stderr.strip() or process.stdout.strip()}"
        return {template: [message] for template in templates}
    if isinstance(reports, dict):
        reports = [reports]
    by_path = {template.resolve(): template for template in templates}
    for report in reports:
        for unread in report.get("results", {}).get("parsing_errors", []):
            path = Path(unread).resolve()
            findings.setdefault(by_path.get(path, path), []).append("checkov could not parse this template")
        for check in report.get("results", {}).get("failed_checks", []):
            path = Path(check["file_abs_path"]).resolve()
            template = by_path.get(path, path)
            line = check.get("file_line_range", [0])[0]
            findings.setdefault(template, []).append(
                f"{check['check_id']} line {line} ({check['resource']}): {check['check_name']}"
            )
    return findings
