"""Every output folder as an AWS CDK cloud assembly, read and deployed by the
pinned AWS CDK CLI (`scripts/cdk-cli`, installed with `npm ci` into
`target/cdk-cli/`).

- `cdk ls --long --json --app OUT` must list every stack artifact of the
  manifest with its environment, and `cdk synth --app OUT` must read them;
- for every example's JSON-format output, on a moto server of its own (empty
  accounts, dummy credentials): `cdk deploy --all --app OUT` as the
  pipeline's account (other accounts through the roles the manifest names),
  twice, the second run changing nothing; then `cdk diff --app OUT
  --no-change-set --fail`, which must find no difference;
- on another fresh moto server each, the manifest's own deploy commands,
  each route (`cloudformation`, `awsCli`) in order as written, twice (the
  second time with `updateCommand` where one is given, and every `aws
  cloudformation deploy` must then report "No changes to deploy"), with
  `AWS_ENDPOINT_URL` pointing at moto. The `cloudformation` route ends with
  the manifest's `stacks` (templates of several pipelines). A route the
  manifest leaves empty must be explained by `notWritten`.

After each deploy, what it created is checked (`validate_outputs/deployed.py`):
every stack is complete in its account and Region; every KMS key has the
policy its template declares, cross-account grants included (counted on the
`ok` line); and the role, artifact buckets and keys each pipeline names
(its `RoleArn`, each action's `RoleArn`, each artifact store's bucket and
key, from the deployed template with its intrinsic functions resolved, or
from `pipeline.json`) exist in their account and Region, each bucket
encrypted with its store's key, wherever a template of the output creates
them. Roles, buckets and keys the user provides are named on the `ok` line.

Where the stacks are deployed: a stack artifact whose environment names an
account and Region goes there. A stack whose environment says
`unknown-account` or `unknown-region` (a pipeline that names no account, as
in example 08, or no Region) goes, as the CDK CLI resolves it, into the
account of the credentials that run the deploy and the Region of
`AWS_REGION`: the check
runs both routes with the credentials of moto's default account
(123456789012) and sets `AWS_REGION` (and, for the manifest's commands,
`AWS_DEFAULT_REGION`) to `DEFAULT_REGION`, us-east-1. A template parameter
without a default (`"from": "deploy-command"` in the manifest) gets the value
`validate-outputs`: through `cdk deploy --parameters STACK:NAME=VALUE`, and
through the environment variable the manifest's command reads it from
(`RepositoryName="$REPOSITORY_NAME"`).

moto's gaps, where they limit these checks:

- its CloudFormation does not create every resource type: not
  `AWS::CodePipeline::Pipeline` (the stack deploys, the pipeline is not
  created, so the pipeline's references are checked here instead) and not
  `AWS::S3::BucketPolicy` (the artifact buckets' cross-account grants are
  counted from the templates, and cfn-lint reads them, but no deployed
  bucket policy is compared); each `ok` line names the types moto skipped;
- it has no CodeStar Notifications API, so the notification rules of the
  AWS CLI route are not run (their input is checked against the API model);
- `CreateChangeSet` of an unchanged template with unchanged
  `--parameter-overrides` fails with "No updates are to be performed"
  instead of creating an empty change set (which `aws cloudformation deploy
  --no-fail-on-empty-changeset` accepts): on the second run that answer counts
  as "no changes";
- `DescribeKey` fails with an internal error on a key its CloudFormation
  created, so keys are found with `ListAliases` / `ListKeys`;
- IAM policies are stored, not evaluated: a deploy through an assumed role
  succeeds whether or not the role's policy allows it.
"""

import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import NamedTuple

from .aws_cli import DEFAULT_ACCOUNT, AwsCli
from .deployed import (PARAMETER_VALUE, Resolver, check_references, cross_account_grants, generated_resources,
                       pipeline_json_references, template_references)
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


class Parameter(NamedTuple):
    """A template parameter the user must supply (`from: deploy-command`)."""

    stack_name: str
    name: str
    variable: str | None  # the environment variable the manifest's command reads it from


def user_parameters(manifest: dict) -> list[Parameter]:
    """Every parameter without a default of every stack of the manifest, and
    the environment variable its deploy command reads it from
    (`Name="$VARIABLE"`)."""
    artifacts = manifest.get("artifacts", {})
    entries = [(entry, pipeline["deploy"]["cloudformation"]) for pipeline in manifest.get("pipelines", [])
               for entry in pipeline.get("files", [])]
    entries += [(entry, stack["deploy"]) for stack in manifest.get("stacks", []) for entry in stack.get("files", [])]
    found = []
    for entry, steps in entries:
        if "artifact" not in entry:
            continue
        stack_name = artifacts[entry["artifact"]]["properties"]["stackName"]
        commands = " ".join(step["command"] for step in steps if step.get("file") == entry["path"])
        for parameter in entry.get("parameters", []):
            if parameter["from"] != "deploy-command":
                continue
            match = re.search(rf'(?<![\w-]){re.escape(parameter["name"])}="\$\{{?(\w+)\}}?"', commands)
            found.append(Parameter(stack_name, parameter["name"], match.group(1) if match else None))
    return found


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


def check_listing(cdk: CdkCli, root: Path, logs: Path | None = None) -> str:
    """`cdk ls` lists every stack of the manifest in its environment, and
    `cdk synth` reads every template."""
    artifacts = stack_artifacts(read_manifest(root))
    if not artifacts:
        raise Failure("the manifest lists no aws:cloudformation:stack artifact")
    listing = cdk.run("ls", "--long", "--json", app=root)
    keep_log(logs, root, "cdk-ls", listing)
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


def check_cdk_deploy(cdk: CdkCli, aws: AwsCli, root: Path, logs: Path | None) -> str:
    """`cdk deploy --all` twice, then `cdk diff`, on an empty moto server;
    then what the stacks created."""
    manifest = read_manifest(root)
    artifacts = stack_artifacts(manifest)
    account = deploying_account(artifacts)
    env = {**aws.environment(account), "AWS_REGION": DEFAULT_REGION}
    parameters = [argument for parameter in user_parameters(manifest)
                  for argument in ("--parameters", f"{parameter.stack_name}:{parameter.name}={PARAMETER_VALUE}")]
    times = []
    for attempt in ("first", "second"):
        started = time.monotonic()
        deploy = cdk.run("deploy", "--all", "--require-approval", "never", "--progress", "events", *parameters,
                         app=root, env=env)
        times.append(time.monotonic() - started)
        keep_log(logs, root, f"cdk-deploy-{attempt}", deploy)
        if deploy.returncode != 0:
            raise Failure(f"{attempt} cdk deploy --all exited {deploy.returncode}: " + output_of(deploy))
    unchanged = len(re.findall(r"\(no changes\)", deploy.stdout + deploy.stderr))
    if unchanged != len(artifacts):
        raise Failure(f"the second cdk deploy changed {len(artifacts) - unchanged} of {len(artifacts)} stacks: "
                      + output_of(deploy))
    started = time.monotonic()
    diff = cdk.run("diff", "--no-change-set", "--fail", app=root, env=env)
    diff_time = time.monotonic() - started
    keep_log(logs, root, "cdk-diff", diff)
    if diff.returncode != 0:
        raise Failure(f"cdk diff --no-change-set --fail exited {diff.returncode}: " + output_of(diff))
    deployed = check_deployed_stacks(aws, root, manifest, list(artifacts.values()))
    return (f"{len(artifacts)} stacks deployed in {times[0]:.1f} s, again with no change in {times[1]:.1f} s, "
            f"no difference in cdk diff ({diff_time:.1f} s); {deployed}")


def keep_log(logs: Path | None, root: Path, name: str, process: subprocess.CompletedProcess) -> None:
    """Writes what the CDK CLI printed to LOGS/EXAMPLE/NAME.txt (with
    --deploy-logs)."""
    if logs is None:
        return
    folder = logs / root.parent.name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(f"exit {process.returncode}\n{process.stdout}{process.stderr}")


def check_deployed_stacks(aws: AwsCli, root: Path, manifest: dict, artifacts: list[dict]) -> str:
    """Every stack in `artifacts` is complete in its account and Region, its
    KMS keys have the policies it declares, and every role, bucket and key
    its pipelines name that a template of the output creates exists as
    declared; a note on what was found."""
    skipped, keys, grants, bucket_grants = set(), 0, 0, 0
    references, unresolved, templates = [], [], []
    values = {parameter.name: PARAMETER_VALUE for parameter in user_parameters(manifest)}
    for artifact in stack_artifacts(manifest).values():
        account, region = environment_of(artifact)
        templates.append((json.loads((root / artifact["properties"]["templateFile"]).read_text()), account, region))
    for artifact in artifacts:
        account, region = environment_of(artifact)
        template = json.loads((root / artifact["properties"]["templateFile"]).read_text())
        physical = check_stack(aws, artifact)
        declared = {resource["Type"] for resource in template.get("Resources", {}).values()}
        skipped |= declared - {resource.get("ResourceType") for resource in physical.values()}
        for logical, resource in physical.items():
            if resource.get("ResourceType") == "AWS::KMS::Key":
                key_grants = check_key_policy(aws, template["Resources"][logical], resource["PhysicalResourceId"],
                                              account, region)
                if key_grants is not None:
                    keys += 1
                    grants += key_grants
        for resource in template.get("Resources", {}).values():
            if resource.get("Type") == "AWS::S3::BucketPolicy":
                bucket_grants += cross_account_grants(resource["Properties"].get("PolicyDocument", {}), account)
        parameters = {name: str(declaration.get("Default", values.get(name, "")))
                      for name, declaration in template.get("Parameters", {}).items()}
        resolver = Resolver(template, {name: resource["PhysicalResourceId"] for name, resource in physical.items()},
                            parameters, account, region, artifact["properties"]["stackName"])
        found, missing = template_references(template, resolver, account, region)
        references += found
        unresolved += missing
    note = references_note(aws, references, unresolved, templates)
    note += f"; {keys} KMS key policies as declared, with {grants} cross-account grants"
    if bucket_grants:
        note += (f"; {bucket_grants} cross-account grants of bucket policies not checked "
                 "(moto's CloudFormation does not create AWS::S3::BucketPolicy)")
    if skipped:
        note += "; moto's CloudFormation skipped " + ", ".join(sorted(skipped))
    return note


def references_note(aws: AwsCli, references: list, unresolved: list, templates: list) -> str:
    if not references and not unresolved:
        return "no pipeline in these stacks"
    checked, provided = check_references(aws, references, generated_resources(templates))
    note = f"the pipelines' {checked} generated roles, buckets and keys found"
    if provided:
        note += ", provided by the user: " + ", ".join(sorted(provided))
    if unresolved:
        note += ", not resolved: " + ", ".join(sorted(set(unresolved)))
    return note


def check_stack(aws: AwsCli, artifact: dict) -> dict[str, dict]:
    """The stack is complete in its account and Region; returns its
    resources by logical id (moto lists the stack's own entry among them,
    without a type)."""
    account, region = environment_of(artifact)
    name = artifact["properties"]["stackName"]
    stacks = aws.call("cloudformation", "describe-stacks", "--stack-name", name, region=region,
                      account=account)["Stacks"]
    status = stacks[0]["StackStatus"] if stacks else "missing"
    if status not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
        raise Failure(f"stack {name} in {account}/{region} is {status}")
    created = aws.call("cloudformation", "describe-stack-resources", "--stack-name", name, region=region,
                       account=account)["StackResources"]
    return {resource["LogicalResourceId"]: resource for resource in created if "LogicalResourceId" in resource}


def check_key_policy(aws: AwsCli, declared: dict, key_id: str, account: str, region: str) -> int | None:
    """The key's policy in KMS is the one its template declares (grants to
    other accounts included), when the template writes it out literally;
    how many statements grant another account, or None when not compared."""
    expected = declared.get("Properties", {}).get("KeyPolicy")
    if expected is None or any(marker in json.dumps(expected) for marker in ('"Ref"', '"Fn::')):
        return None
    live = aws.call("kms", "get-key-policy", "--key-id", key_id, "--policy-name", "default", region=region,
                    account=account)["Policy"]
    live = json.loads(live) if isinstance(live, str) else live  # the CLI may parse it already
    if live != expected:
        raise Failure(f"the key policy of {key_id} in {account}/{region} is not the template's: {live}")
    return cross_account_grants(live, account)


# What moto answers, instead of an empty change set, when `aws cloudformation
# deploy --parameter-overrides` sends an unchanged template with the same
# parameters (AWS creates the change set, which fails with "didn't contain
# changes", and the CLI's --no-fail-on-empty-changeset exits 0).
MOTO_NO_UPDATES = "when calling the CreateChangeSet operation: No updates are to be performed."
NO_CHANGES = "No changes to deploy."


def check_cli_route(aws: AwsCli, root: Path, route: str) -> str:
    """Runs every step of one route of every pipeline, then (on the
    CloudFormation route) every stack of several pipelines, in order, twice;
    the second time, every `aws cloudformation deploy` must find nothing to
    change. Then what the route created."""
    manifest = read_manifest(root)
    steps = [(pipeline, step) for pipeline in manifest["pipelines"] for step in pipeline["deploy"][route]]
    if route == "cloudformation":
        steps += [(stack, step) for stack in manifest.get("stacks", []) for step in stack["deploy"]]
    if not steps:
        not_written = [entry["path"] for pipeline in manifest["pipelines"] for entry in pipeline.get("notWritten", [])]
        if not not_written:
            raise Failure(f"the manifest gives no deploy.{route} command, and no notWritten entry says why")
        return "no command: the manifest's notWritten explains " + ", ".join(not_written)
    variables = {parameter.variable: PARAMETER_VALUE for parameter in user_parameters(manifest) if parameter.variable}
    commands = 0
    for attempt in ("first", "second"):
        for owner, step in steps:
            command = step["command"] if attempt == "first" else step.get("updateCommand", step["command"])
            if "codestar-notifications" in command:
                continue  # moto has no CodeStar Notifications API
            output = run_step(aws, root, owner, step, command, attempt, variables)
            commands += 1
            if attempt == "second" and command.startswith("aws cloudformation deploy") and NO_CHANGES not in output:
                raise Failure(f"the second run of `{command}` changed the stack: {last_lines(output)}")
    return f"{commands // 2} commands, run twice, the second time with no change; " + route_note(aws, root, manifest,
                                                                                                 route)


def route_note(aws: AwsCli, root: Path, manifest: dict, route: str) -> str:
    """Checks what one route deployed: its stacks, and the role, buckets and
    keys of its pipelines (from the stacks' templates, or `pipeline.json`)."""
    artifacts = manifest.get("artifacts", {})
    files = {step["file"] for pipeline in manifest["pipelines"] for step in pipeline["deploy"][route] if "file" in step}
    if route == "cloudformation":
        files |= {step["file"] for stack in manifest.get("stacks", []) for step in stack["deploy"] if "file" in step}
    by_file = {entry["path"]: entry for owner in manifest["pipelines"] + manifest.get("stacks", [])
               for entry in owner["files"]}
    stacks = [artifacts[by_file[path]["artifact"]] for path in sorted(files) if "artifact" in by_file.get(path, {})]
    note = check_deployed_stacks(aws, root, manifest, stacks)
    if route == "awsCli":
        references = []
        for pipeline in manifest["pipelines"]:
            for step in pipeline["deploy"][route]:
                if "codepipeline create-pipeline" in step["command"]:
                    document = json.loads((root / step["file"]).read_text())
                    references += pipeline_json_references(document, step.get("account") or DEFAULT_ACCOUNT,
                                                           step.get("region") or DEFAULT_REGION)
        templates = [(json.loads((root / artifact["properties"]["templateFile"]).read_text()),
                      *environment_of(artifact)) for artifact in stack_artifacts(manifest).values()]
        note += "; pipeline.json: " + references_note(aws, references, [], templates)
    return note


def run_step(aws: AwsCli, root: Path, owner: dict, step: dict, command: str, attempt: str,
             variables: dict[str, str]) -> str:
    """Runs one step as its account, in its Region; returns what it printed."""
    account = step.get("account") or owner.get("account") or DEFAULT_ACCOUNT
    region = step.get("region") or DEFAULT_REGION
    if "codepipeline create-pipeline" in command:
        role_arn = json.loads((root / step["file"]).read_text())["pipeline"]["roleArn"]
        if role_arn.rpartition("/")[2] not in roles_of_stacks(root, owner):
            # The user provides this role (moto checks that it exists); a
            # generated one must have been created by an earlier step.
            aws.ensure_role(role_arn, "codepipeline.amazonaws.com", region)
    env = {**aws.environment(account), "AWS_REGION": region, "AWS_DEFAULT_REGION": region, **variables}
    process = subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
    output = process.stdout + process.stderr
    if (process.returncode != 0 and attempt == "second" and "--no-fail-on-empty-changeset" in command
            and MOTO_NO_UPDATES in process.stderr):
        return NO_CHANGES  # moto's answer for an unchanged stack with parameters (see MOTO_NO_UPDATES)
    if process.returncode != 0:
        raise Failure(f"{attempt} run of `{command}` exited {process.returncode}: "
                      + last_lines(process.stderr or process.stdout))
    return output


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
                           tally: Tally, logs: Path | None = None) -> None:
    """`cdk ls` / `cdk synth` on every output folder in `roots`; the deploys
    on those in `deployed`. With `logs`, what the CDK CLI printed for `cdk
    ls`, both deploys and the diff is kept there, by example."""
    if not roots:
        return
    try:
        folder = install_locked(repo, "cdk-cli", "AWS CDK CLI")
    except (OSError, subprocess.CalledProcessError) as error:
        tally.fail("scripts/cdk-cli", f"cannot install the AWS CDK CLI: {error}")
        return
    cdk = CdkCli(folder, scratch)
    started = time.monotonic()
    for root in roots:
        tally.check(f"{shown(root)} cdk ls, cdk synth", check_listing, cdk, root,
                    logs if root in deployed else None)
    for root in deployed:
        checks = [("cdk deploy --all, again, cdk diff", lambda aws: check_cdk_deploy(cdk, aws, root, logs))]
        checks += [(f"manifest deploy.{route} commands, twice", lambda aws, route=route: check_cli_route(aws, root, route))
                   for route in ("cloudformation", "awsCli")]
        for label, check in checks:
            with MotoServer(bin_dir, scratch / "moto-deploy.log") as endpoint:
                tally.check(f"{shown(root)} {label}", check, AwsCli(bin_dir, endpoint))
    print(f"cloud assemblies: {len(roots)} listed, {len(deployed)} deployed, in {time.monotonic() - started:.0f} s",
          flush=True)
