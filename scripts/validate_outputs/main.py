"""Runs every check and prints the closing count (see scripts/validate-outputs)."""

import argparse
import os
import tempfile
from pathlib import Path

from .aws_cli import AwsCli
from .checkov_scan import scan as checkov_scan
from .cloud_assembly import check_cloud_assemblies
from .corpus import check_corpus, target_dir
from .corpus_rebuilds import synthesize_rebuilds
from .diagrams import check_diagrams
from .diff import check_diff
from .events import check_event_file
from .examples import last_lines, run as run_in, synthesize
from .moto_server import MotoServer
from .notifications import check_notification_file
from .pipelines import check_pipeline, region_of
from .json_file import read_json
from .manifest import Placement, json_twins, placements, unexplained_missing_pipelines
from .report import Failure, Tally
from .templates import lint
from .templates import region_of as template_region


def parse_args(argv: list[str], repo: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/validate-outputs",
                                     description="Check synthesized outputs with AWS's own tools.")
    parser.add_argument("--outputs", type=Path, action="append", default=[],
                        help="check this already-synthesized output folder instead of the examples (repeatable)")
    parser.add_argument("--keep", type=Path, help="synthesize the examples into this folder and keep it")
    parser.add_argument("--corpus", type=Path, default=repo.parent / "shared" / "corpus",
                        help="the corpus folder (default: ../shared/corpus)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus")
    parser.add_argument("--deploy-logs", type=Path,
                        help="keep what the AWS CDK CLI printed (cdk ls, both deploys, cdk diff) in this folder")
    return parser.parse_args(argv)


def run(argv: list[str], repo: Path, venv: Path) -> int:
    args = parse_args(argv, repo)
    tally = Tally()
    bin_dir = venv / "bin"
    with tempfile.TemporaryDirectory(prefix="validate-outputs-") as scratch:
        if args.outputs:
            roots = [root.resolve() for root in args.outputs]
            base = Path(os.path.commonpath([root.parent for root in roots]))
            apps = {root: None for root in roots}
        else:
            base = (args.keep or Path(scratch) / "examples").resolve()
            roots = synthesize(repo, base, tally)
            # base/NAME/FORMAT: the diff needs one of the two formats' pipeline.json, and the example's program.
            apps = {root: ["cargo", "run", "--quiet", "--manifest-path", str(repo / "Cargo.toml"),
                           "--example", root.parent.name, "--"]
                    for root in roots if root.name == "json"}
        diff = DiffCheck(repo, apps, Path(scratch))
        check_outputs(repo, roots, base, bin_dir, Path(scratch) / "moto.log", tally, diff)
        # Deployed once per example (its JSON-format output), or each folder given.
        deployed = [root for root in roots if args.outputs or root.name == "json"]
        check_cloud_assemblies(repo, bin_dir, roots, deployed, lambda path: os.path.relpath(path, base),
                               Path(scratch), tally, args.deploy_logs and args.deploy_logs.resolve())
        if not args.outputs:
            diagrams = Path(scratch) / "diagrams"
            diagrams.mkdir()
            check_diagrams(repo, diagrams, tally)
            # The corpus rebuilds (typed Rust, no corpus file needed): their templates through cfn-lint.
            rebuilds_base = (args.keep or Path(scratch)).resolve() / "rebuilds"
            rebuilds = synthesize_rebuilds(repo, rebuilds_base, tally)
            lint_templates(None, rebuilds, rebuilds_base, bin_dir, {}, tally)
    if not args.no_corpus:
        check_corpus(repo, args.corpus, tally)
    print(tally.summary(), flush=True)
    return 1 if tally.failed else 0


class DiffCheck:
    """Which output folders `synth diff --live` is checked on, with the
    command of the program that wrote each (None for --outputs folders)."""

    def __init__(self, repo: Path, apps: dict[Path, list[str] | None], scratch: Path) -> None:
        self.repo = repo
        self.apps = apps
        self.scratch = scratch

    def run(self, aws: AwsCli, pipelines: list[Path], placement, shown, tally: Tally) -> None:
        checked = [path for path in pipelines if any(root in path.parents for root in self.apps)]
        if not checked:
            return
        build = run_in(self.repo, ["cargo", "build", "--quiet", "-p", "pipewright-synth", "--bin", "synth"])
        if build.returncode != 0:
            tally.fail("synth", "cargo build -p pipewright-synth --bin synth failed: " + last_lines(build.stderr))
            return
        synth = target_dir(self.repo) / "debug" / "synth"
        for path in checked:
            app = next(self.apps[root] for root in self.apps if root in path.parents)
            tally.check(f"{shown(path)} diff --live", check_diff, aws, synth, path.parent, placement(path),
                        self.scratch, app)


def check_outputs(repo: Path, roots: list[Path], base: Path, bin_dir: Path, moto_log: Path, tally: Tally,
                  diff: DiffCheck) -> None:
    def shown(path: Path) -> str:
        return os.path.relpath(path, base)

    pipelines, events, notifications = [], [], []
    placed: dict[Path, Placement] = {}
    for root in roots:
        placed.update(placements(root))
        found = sorted(root.rglob("pipeline.json"))
        missing = unexplained_missing_pipelines(root)
        if missing is None and not found:
            tally.fail(shown(root), "no pipeline.json in this output folder")
        elif missing:
            tally.fail(shown(root), "no pipeline.json, and the manifest does not say why: " + ", ".join(missing))
        pipelines += found
        events += sorted(root.rglob("events/*.json"))
        notifications += sorted(root.rglob("notifications/*.json"))

    def placement(path: Path) -> Placement:
        return placed.get(path.resolve(), Placement(None, None))

    if pipelines or events:
        with MotoServer(bin_dir, moto_log) as endpoint:
            aws = AwsCli(bin_dir, endpoint)
            for path in pipelines:
                tally.check(shown(path), check_pipeline, aws, path, placement(path))
            for path in events:
                tally.check(shown(path), check_event_file, aws, path, placement(path))
            diff.run(aws, pipelines, placement, shown, tally)
    for path in notifications:
        tally.check(shown(path), check_notification_file, path)
    lint_templates(repo, roots, base, bin_dir, pipeline_regions(pipelines), tally)


def lint_templates(repo: Path | None, roots: list[Path], base: Path, bin_dir: Path,
                   regions_of_pipelines: dict[Path, str], tally: Tally) -> None:
    """Every CloudFormation template of the output folders `roots` (but
    the JSON twins of YAML ones) through cfn-lint, in the Region it is
    deployed to (the manifest's, else its pipeline's, else us-east-1), and,
    given the repository (where checkov's pins are), through checkov."""
    placed: dict[Path, Placement] = {}
    templates = []
    for root in roots:
        placed.update(placements(root))
        templates += sorted(root.rglob("template.json")) + sorted(root.rglob("template.yaml"))
        templates += sorted(root.rglob("cross-account/*.template.yaml"))
        templates += sorted(root.rglob("support/*.template.json"))
    twins = set().union(*(json_twins(root) for root in roots))
    templates = [template for template in templates if template.resolve() not in twins]
    regions = {template: placed.get(template.resolve(), Placement(None, None)).region
               or template_region(template, regions_of_pipelines)
               for template in templates}
    # The corpus rebuilds reproduce other people's templates as written
    # (hardcoded partitions, Fn::Join where Fn::Sub would read better): only
    # cfn-lint's errors and warnings count there; synth's own examples meet
    # every rule.
    linted = lint(bin_dir, templates, regions, informational=repo is not None)
    scanned = checkov_scan(repo, templates) if repo else {}
    for template in templates:
        findings = [f"cfn-lint: {finding}" for finding in linted.get(template, [])]
        findings += [f"checkov: {finding}" for finding in scanned.get(template, [])]
        shown = os.path.relpath(template, base)
        if findings:
            tally.fail(shown, "; ".join(findings))
        else:
            tally.ok(shown, "cfn-lint and checkov" if repo else "cfn-lint")


def pipeline_regions(pipelines: list[Path]) -> dict[Path, str]:
    """Each pipeline folder's Region, read from its pipeline.json (for
    output folders without a manifest)."""
    regions = {}
    for path in pipelines:
        try:
            regions[path.parent] = region_of(read_json(path)["pipeline"])
        except (Failure, KeyError, TypeError):
            continue  # already reported by its own check
    return regions
