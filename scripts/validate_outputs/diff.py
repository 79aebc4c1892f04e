"""`synth diff --live` against a pipeline deployed on the moto server.

The pipeline of a synthesized `pipeline.json` is created on moto; then:

1. `synth diff --live pipeline.json` (and, for an example, `cargo run --example
   NAME -- diff --live`) must find no differences (exit 0);
2. a copy of the file with one configuration value changed must show
   exactly that change (exit 1);
3. after `update-pipeline` from the copy, the copy must find no
   differences again (exit 0).

The diff reaches moto as any AWS CLI call would: through AWS_ENDPOINT_URL.
"""

import json
import shutil
import subprocess
from pathlib import Path

from .aws_cli import AwsCli, account_of
from .json_file import read_json
from .manifest import Placement
from .pipelines import region_of
from .report import Failure

CHANGED_SUFFIX = "-changed"


def check_diff(aws: AwsCli, synth: Path, folder: Path, placement: Placement, scratch: Path,
               app: list[str] | None) -> str:
    """Runs the three steps above for the pipeline in `folder` (an output
    folder's pipeline folder); `app` is the command of the program that
    defines it, when known."""
    sent = read_json(folder / "pipeline.json")
    pipeline = sent["pipeline"]
    region = placement.region or region_of(pipeline)
    account = account_of(pipeline["roleArn"])
    env = aws.environment(account)
    aws.ensure_role(pipeline["roleArn"], "codepipeline.amazonaws.com", region)
    aws.call("codepipeline", "create-pipeline", "--cli-input-json", (folder / "pipeline.json").resolve().as_uri(),
             region=region, account=account)
    try:
        require_diff([str(synth), "diff", "--live", str(folder / "pipeline.json"), "--region", region], env, 0,
                     "no differences\n")
        if app:
            require_diff([*app, "diff", "--live", "--pipeline", pipeline["name"], "--region", region], env, 0,
                         "no differences\n")
        changed = scratch / "changed" / folder.name
        shutil.rmtree(changed, ignore_errors=True)
        changed.mkdir(parents=True)
        shutil.copy(folder / "pipeline.json", changed / "pipeline.json")
        expected = change_one_value(changed / "pipeline.json")
        require_diff([str(synth), "diff", "--live", str(changed / "pipeline.json"), "--region", region], env, 1,
                     f"pipeline {pipeline['name']}\n  {expected}\n")
        update = changed / "update-pipeline.json"
        update.write_text(json.dumps({"pipeline": read_json(changed / "pipeline.json")["pipeline"]}))
        aws.call("codepipeline", "update-pipeline", "--cli-input-json", update.resolve().as_uri(),
                 region=region, account=account)
        update.unlink()
        require_diff([str(synth), "diff", "--live", str(changed / "pipeline.json"), "--region", region], env, 0,
                     "no differences\n")
    finally:
        aws.call("codepipeline", "delete-pipeline", "--name", pipeline["name"], region=region, account=account)
    return f"no differences, then {expected!r}, then none after update-pipeline"


def change_one_value(path: Path) -> str:
    """Appends a suffix to the first configuration value of the last stage's
    first action that has one; returns the line the diff must print."""
    document = read_json(path)
    for stage in reversed(document["pipeline"]["stages"]):
        for action in stage["actions"]:
            for key, value in (action.get("configuration") or {}).items():
                action["configuration"][key] = value + CHANGED_SUFFIX
                path.write_text(json.dumps(document, indent=2))
                return (f"~ stage {stage['name']} > action {action['name']}: configuration.{key}: "
                        f"{json.dumps(value)} → {json.dumps(value + CHANGED_SUFFIX)}")
    raise Failure("no action has a configuration value to change")


def require_diff(command: list[str], env: dict, exit_code: int, stdout: str) -> None:
    process = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if process.returncode != exit_code or process.stdout != stdout:
        raise Failure(f"{' '.join(command[:3])} ... exited with {process.returncode} (expected {exit_code}) and "
                      f"printed {process.stdout!r} (expected {stdout!r}); stderr: {process.stderr.strip()!r}")
