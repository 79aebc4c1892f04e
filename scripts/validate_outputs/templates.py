"""CloudFormation templates through cfn-lint with every rule, informational
and experimental ones included: no finding at any level.

A rule may be ignored only here, each with the reason next to it.
"""

import json
import subprocess
from collections import defaultdict
from pathlib import Path

# cfn-lint rule id -> why pipewright's templates may break it.
IGNORED_RULES: dict[str, str] = {
    "I4010": "asks every template and resource for a `Metadata.com.aws.cloudformation.Context` block "
             "describing its architecture in prose, a documentation convention of cfn-lint's own, not a fault "
             "CloudFormation or AWS would report",
}

DEFAULT_REGION = "us-east-1"


def region_of(template: Path, pipeline_regions: dict[Path, str]) -> str:
    """The Region the template is deployed to: `<account>-<region>` from a
    cross-account or support file name, else the Region of the pipeline in
    its folder."""
    if template.parent.name in ("cross-account", "support") and ".template." in template.name:
        account_and_region = template.name.split(".template.")[0]
        account, _, region = account_and_region.partition("-")
        if account.isdigit() and region:
            return region
    return pipeline_regions.get(template.parent, DEFAULT_REGION)


def lint(bin_dir: Path, templates: list[Path], regions: dict[Path, str],
         informational: bool = True) -> dict[Path, list[str]]:
    """Runs cfn-lint once per Region over the templates deployed there and
    returns each template's findings, one line each: every level, or with
    `informational` False errors and warnings only."""
    by_region = defaultdict(list)
    for template in templates:
        by_region[regions[template]].append(template)
    findings: dict[Path, list[str]] = {template: [] for template in templates}
    for region, group in sorted(by_region.items()):
        command = [str(bin_dir / "cfn-lint"), "--format", "json", "--regions", region]
        if informational:
            command += ["--include-checks", "I", "--include-experimental"]
        if IGNORED_RULES:
            command += ["--ignore-checks", *sorted(IGNORED_RULES)]
        process = subprocess.run([*command, "--", *map(str, group)], capture_output=True, text=True,
                                 stdin=subprocess.DEVNULL)
        try:
            matches = json.loads(process.stdout or "[]")
        except json.JSONDecodeError:
            message = f"cfn-lint failed (exit {process.returncode}): {process.stderr.strip() or process.stdout.strip()}"
            for template in group:
                findings[template].append(message)
            continue
        by_name = {str(template): template for template in group}
        for match in matches:
            if not informational and match["Level"] not in ("Error", "Warning"):
                continue
            template = by_name.get(match["Filename"]) or Path(match["Filename"])
            line = match["Location"]["Start"]["LineNumber"]
            findings.setdefault(template, []).append(
                f"{match['Rule']['Id']} line {line}: {match['Message']}"
            )
    return findings
