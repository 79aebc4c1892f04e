"""Every output folder as an AWS CDK cloud assembly, read and deployed by the
pinned AWS CDK CLI (`scripts/cdk-cli`, installed with `npm ci` into
`target/cdk-cli/`).

- `cdk ls --long --json --app OUT` must list every stack artifact of the
  manifest with its environment, and `cdk synth --app OUT` must read them;
- for every example's JSON-format output, on a moto server of its own (empty
  accounts, dummy credentials): `cdk deploy --all --app OUT` as the
  pipeline's account (other accounts through the roles the manifest names),
  twice, the second run changing nothing; then `cdk diff --app OUT
  --no-change-set --fail`, which must find no difference; every stack must
  then exist in its account and Region;
- on another fresh moto server, the manifest's own deploy commands, each
  route (`cloudformation`, `awsCli`) in order as written, twice (the second
  time with `updateCommand` where one is given), with `AWS_ENDPOINT_URL`
  pointing at moto.

moto's gaps, where they limit these checks: its CloudFormation does not
create every resource type (`AWS::CodePipeline::Pipeline` among them: the
stack deploys, the pipeline is not created; each run lists the types moto
skipped), and it has no CodeStar Notifications API, so the notification
rules of the AWS CLI route are not run.
"""

import json
import os
import re
import subprocess
import time
from pathlib import Path

from .aws_cli import DEFAULT_ACCOUNT, AwsCli
from .examples import last_lines
from .moto_server import MotoServer
from .npm_package import install_locked
from .report import Failure, Tally

# The Region of a stack whose environment says unknown-region, and of a
# command that names none.
DEFAULT_REGION = "us-east-1"
STACK_TYPE = "aws:cloudformation:stack"


def read_manifest(root: Path) -> dict:
    try:
        return json.loads((root / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise Failure(f"cannot read manifest.json: {error}")


def stack_artifacts(manifest: dict) -> dict[str, dict]:
    return {key: artifact for key, artifact in manifest.get("artifacts", {}).items()
            if artifact.get("type") == STACK_TYPE}


class CdkCli:
    """The pinned `cdk`, run with nothing of the machine's AWS configuration."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        self.command = str(folder / "node_modules" / ".bin" / "cdk")
        self.scratch = scratch
        home = scratch / "cdk-home"
        home.mkdir(parents=True, exist_ok=True)
        self.base_env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "CDK_"))}
        self.base_env.update({
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_EC2_METADATA_DISABLED": "true",
            "CDK_HOME": str(home),
            "CDK_DISABLE_VERSION_CHECK": "1",
            "CI": "true",
            # aws-cdk 2.1148 warns on Node 20 that later versions need Node 22.
            "NODE_NO_WARNINGS": "1",
        })

    def run(self, *args: str, app: Path, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.command, *args, "--app", str(app.resolve()), "--no-notices", "--no-version-reporting", "--no-color"],
            cwd=self.scratch, env={**self.base_env, **(env or {})}, capture_output=True, text=True,
            stdin=subprocess.DEVNULL,
        )


def output_of(process: subprocess.CompletedProcess) -> str:
    """The last lines the CDK CLI printed (with CI set, it prints its
    progress on stdout and its errors on stderr)."""
    return last_lines(process.stdout + process.stderr, 8)


def check_listing(cdk: CdkCli, root: Path) -> str:
    """`cdk ls` lists every stack of the manifest in its environment, and
    `cdk synth` reads every template."""
    artifacts = stack_artifacts(read_manifest(root))
    if not artifacts:
        raise Failure("the manifest lists no aws:cloudformation:stack artifact")
    listing = cdk.run("ls", "--long", "--json", app=root)
    if listing.returncode != 0:
        raise Failure(f"cdk ls exited {listing.returncode}: " + output_of(listing))
    listed = {(stack["name"], stack["environment"]["name"]) for stack in json.loads(listing.stdout)}
    expected = {(artifact["properties"].get("stackName", key), artifact["environment"])
                for key, artifact in artifacts.items()}
    if listed != expected:
        raise Failure(f"cdk ls lists {sorted(listed)}, the manifest {sorted(expected)}")
    synth = cdk.run("synth", "--quiet", app=root)
    if synth.returncode != 0:
        raise Failure(f"cdk synth exited {synth.returncode}: " + output_of(synth))
    return f"{len(listed)} stacks: " + ", ".join(f"{name} in {environment}" for name, environment in sorted(listed))


def environment_of(artifact: dict) -> tuple[str, str]:
    """The account and Region of a stack artifact (moto's default account
    and DEFAULT_REGION where the environment does not say)."""
    _, _, place = artifact["environment"].partition("aws://")
    account, _, region = place.partition("/")
    return (DEFAULT_ACCOUNT if account == "unknown-account" else account,
            DEFAULT_REGION if region == "unknown-region" else region)


def deploying_account(artifacts: dict[str, dict]) -> str:
    """The account whose credentials run `cdk deploy`: that of every stack
    deployed without an assumed role."""
    accounts = {environment_of(artifact)[0] for artifact in artifacts.values()
                if "assumeRoleArn" not in artifact.get("properties", {})}
    if len(accounts) != 1:
        raise Failure(f"the stacks deployed without an assumed role are in {sorted(accounts) or 'no account'}; "
                      "one account must run the deploy")
    return accounts.pop()


def check_cdk_deploy(cdk: CdkCli, aws: AwsCli, root: Path) -> str:
    """`cdk deploy --all` twice, then `cdk diff`, on an empty moto server."""
    artifacts = stack_artifacts(read_manifest(root))
    account = deploying_account(artifacts)
    env = {**aws.environment(account), "AWS_REGION": DEFAULT_REGION}
    times = []
    for attempt in ("first", "second"):
        started = time.monotonic()
        deploy = cdk.run("deploy", "--all", "--require-approval", "never", "--progress", "events", app=root, env=env)
        times.append(time.monotonic() - started)
        if deploy.returncode != 0:
            raise Failure(f"{attempt} cdk deploy --all exited {deploy.returncode}: " + output_of(deploy))
    unchanged = len(re.findall(r"\(no changes\)", deploy.stdout + deploy.stderr))
    if unchanged != len(artifacts):
        raise Failure(f"the second cdk deploy changed {len(artifacts) - unchanged} of {len(artifacts)} stacks: "
                      + output_of(deploy))
    started = time.monotonic()
    diff = cdk.run("diff", "--no-change-set", "--fail", app=root, env=env)
    diff_time = time.monotonic() - started
    if diff.returncode != 0:
        raise Failure(f"cdk diff --no-change-set --fail exited {diff.returncode}: " + output_of(diff))
    skipped, keys = set(), 0
    for artifact in artifacts.values():
        stack_skipped, stack_keys = check_stack(aws, root, artifact)
        skipped |= stack_skipped
        keys += stack_keys
    note = (f"{len(artifacts)} stacks deployed in {times[0]:.1f} s, again with no change in {times[1]:.1f} s, "
            f"no difference in cdk diff ({diff_time:.1f} s), {keys} KMS key policies as declared")
    if skipped:
        note += "; moto's CloudFormation skipped " + ", ".join(sorted(skipped))
    return note


def check_stack(aws: AwsCli, root: Path, artifact: dict) -> tuple[set[str], int]:
    """The stack is complete in its account and Region, and its KMS keys
    have the policies it declares; returns the resource types of its
    template that moto's CloudFormation did not create, and how many key
    policies were compared."""
    account, region = environment_of(artifact)
    name = artifact["properties"]["stackName"]
    stacks = aws.call("cloudformation", "describe-stacks", "--stack-name", name, region=region,
                      account=account)["Stacks"]
    status = stacks[0]["StackStatus"] if stacks else "missing"
    if status not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
        raise Failure(f"stack {name} in {account}/{region} is {status}")
    created = aws.call("cloudformation", "describe-stack-resources", "--stack-name", name, region=region,
                       account=account)["StackResources"]
    template = json.loads((root / artifact["properties"]["templateFile"]).read_text())
    declared = {resource["Type"] for resource in template.get("Resources", {}).values()}
    keys = 0
    for resource in created:
        if resource.get("ResourceType") == "AWS::KMS::Key":
            keys += check_key_policy(aws, template["Resources"][resource["LogicalResourceId"]],
                                     resource["PhysicalResourceId"], account, region)
    # moto lists the stack's own entry among them, without a type.
    return declared - {resource.get("ResourceType") for resource in created}, keys


def check_key_policy(aws: AwsCli, declared: dict, key_id: str, account: str, region: str) -> bool:
    """The key's policy in KMS is the one its template declares (grants to
    other accounts included), when the template writes it out literally;
    whether it was compared."""
    expected = declared.get("Properties", {}).get("KeyPolicy")
    if expected is None or any(marker in json.dumps(expected) for marker in ('"Ref"', '"Fn::')):
        return False
    live = aws.call("kms", "get-key-policy", "--key-id", key_id, "--policy-name", "default", region=region,
                    account=account)["Policy"]
    if (json.loads(live) if isinstance(live, str) else live) != expected:  # the CLI may parse it already
        raise Failure(f"the key policy of {key_id} in {account}/{region} is not the template's: {live}")
    return True


def check_cli_route(aws: AwsCli, root: Path, route: str) -> str:
    """Runs every step of one route of every pipeline, in order, twice."""
    manifest = read_manifest(root)
    commands = 0
    for attempt in ("first", "second"):
        for pipeline in manifest["pipelines"]:
            for step in pipeline["deploy"][route]:
                command = step["command"] if attempt == "first" else step.get("updateCommand", step["command"])
                if "codestar-notifications" in command:
                    continue  # moto has no CodeStar Notifications API
                run_step(aws, root, pipeline, step, command, attempt)
                commands += 1
    return f"{commands // 2} commands, run twice"


def run_step(aws: AwsCli, root: Path, pipeline: dict, step: dict, command: str, attempt: str) -> None:
    account = step.get("account") or pipeline.get("account") or DEFAULT_ACCOUNT
    region = step.get("region") or DEFAULT_REGION
    if "codepipeline create-pipeline" in command:
        role_arn = json.loads((root / step["file"]).read_text())["pipeline"]["roleArn"]
        if role_arn.rpartition("/")[2] not in roles_of_stacks(root, pipeline):
            # The user provides this role (moto checks that it exists); a
            # generated one must have been created by an earlier step.
            aws.ensure_role(role_arn, "codepipeline.amazonaws.com", region)
    env = {**aws.environment(account), "AWS_REGION": region, "AWS_DEFAULT_REGION": region}
    process = subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
    if process.returncode != 0:
        raise Failure(f"{attempt} run of `{command}` exited {process.returncode}: "
                      + last_lines(process.stderr or process.stdout))


def roles_of_stacks(root: Path, pipeline: dict) -> set[str]:
    """The names of the IAM roles the stacks of a pipeline create."""
    artifacts = read_manifest(root)["artifacts"]
    names = set()
    for entry in pipeline["files"]:
        if "artifact" not in entry:
            continue
        template = json.loads((root / artifacts[entry["artifact"]]["properties"]["templateFile"]).read_text())
        names |= {resource.get("Properties", {}).get("RoleName") for resource in template.get("Resources", {}).values()
                  if resource.get("Type") == "AWS::IAM::Role"}
    return {name for name in names if isinstance(name, str)}


def check_cloud_assemblies(repo: Path, bin_dir: Path, roots: list[Path], deployed: list[Path], shown, scratch: Path,
                           tally: Tally) -> None:
    """`cdk ls` / `cdk synth` on every output folder in `roots`; the deploys
    on those in `deployed`."""
    if not roots:
        return
    try:
        folder = install_locked(repo, "cdk-cli", "AWS CDK CLI")
    except (OSError, subprocess.CalledProcessError) as error:
        tally.fail("scripts/cdk-cli", f"cannot install the AWS CDK CLI: {error}")
        return
    cdk = CdkCli(folder, scratch)
    for root in roots:
        tally.check(f"{shown(root)} cdk ls, cdk synth", check_listing, cdk, root)
    for root in deployed:
        checks = [("cdk deploy --all, again, cdk diff", lambda aws: check_cdk_deploy(cdk, aws, root))]
        checks += [(f"manifest deploy.{route} commands, twice", lambda aws, route=route: check_cli_route(aws, root, route))
                   for route in ("cloudformation", "awsCli")]
        for label, check in checks:
            with MotoServer(bin_dir, scratch / "moto-deploy.log") as endpoint:
                tally.check(f"{shown(root)} {label}", check, AwsCli(bin_dir, endpoint))
