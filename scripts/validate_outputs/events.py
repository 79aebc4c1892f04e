"""`events/*.json`: the AWS CLI inputs that set up an EventBridge rule.

A file holds one input per operation, keyed by the operation's name, as the
manifest's commands read them (`jq -c .PutRule FILE`):

- `PutRule` and `PutTargets`: the rule and the pipeline it starts;
- `CreateRole` and `PutRolePolicy`: the role the rule's target assumes.

A file that is a single put-rule input (with `Name`) or put-targets input
(with `Rule` and `Targets`) is read as such. Each input is checked against
its API model, sent through the CLI to moto in file order, read back
(describe-rule, list-targets-by-rule, get-role, get-role-policy) and
compared with what was sent; everything created is deleted afterwards.
"""

import json
import tempfile
from operator import itemgetter
from pathlib import Path

from .aws_cli import DEFAULT_ACCOUNT, AwsCli
from .compare import require_same
from .json_file import read_json
from .manifest import Placement
from .model_check import check_input
from .report import Failure

DEFAULT_REGION = "us-east-1"

# What describe-rule reports that put-rule does not take (ignored), and the
# fields put-rule defaults (ignored when not sent and equal to the default).
ADDED_BY_AWS_TO_RULE = ("Arn", "CreatedBy")
RULE_DEFAULTS = {"State": "ENABLED", "EventBusName": "default"}
# What get-role reports that create-role does not take (ignored), and its
# defaults (ignored when not sent and equal to the default).
ADDED_BY_AWS_TO_ROLE = ("Arn", "RoleId", "CreateDate", "RoleLastUsed")
ROLE_DEFAULTS = {"Path": "/", "MaxSessionDuration": 3600}


def split_inputs(document: dict) -> list[tuple[str, dict]]:
    """The (operation, input) pairs one file holds, in file order."""
    if "Name" in document:
        return [("PutRule", document)]
    if "Rule" in document and "Targets" in document:
        return [("PutTargets", document)]
    unknown = sorted(set(document) - set(OPERATIONS))
    if unknown or not document:
        raise Failure(
            f"expected inputs keyed by operation ({', '.join(OPERATIONS)}), a put-rule input (with Name) "
            f"or a put-targets input (with Rule and Targets); found top-level keys {sorted(document)}"
        )
    return list(document.items())


def check_event_file(aws: AwsCli, path: Path, placement: Placement) -> None:
    inputs = split_inputs(read_json(path))
    account = placement.account or DEFAULT_ACCOUNT
    region = placement.region or DEFAULT_REGION
    cleanups = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for operation, sent in inputs:
                service, check = OPERATIONS[operation]
                check_input(service, operation, sent)
                uri = Path(scratch) / f"{operation}.json"
                uri.write_text(json.dumps(sent))
                cleanups.append(check(aws, sent, uri.as_uri(), region, account))
    finally:
        for cleanup in reversed(cleanups):
            cleanup()


def bus_args(part: dict) -> list:
    return ["--event-bus-name", part["EventBusName"]] if "EventBusName" in part else []


def drop_added(received: dict, added: tuple, defaults: dict, sent: dict) -> None:
    for field in added:
        received.pop(field, None)
    for field, default in defaults.items():
        if field not in sent and received.get(field) == default:
            del received[field]


def as_json(text):
    """A policy or pattern sent as text, compared as JSON."""
    return json.loads(text) if isinstance(text, str) else text


def check_rule(aws: AwsCli, rule: dict, uri: str, region: str, account: str):
    created = aws.call("events", "put-rule", "--cli-input-json", uri, region=region, account=account)
    received = aws.call("events", "describe-rule", "--name", rule["Name"], *bus_args(rule),
                        region=region, account=account)
    drop_added(received, ADDED_BY_AWS_TO_RULE, RULE_DEFAULTS, rule)
    sent = dict(rule)
    tags = sent.pop("Tags", None)
    if "EventPattern" in sent:
        sent["EventPattern"] = as_json(sent["EventPattern"])
        received["EventPattern"] = as_json(received.get("EventPattern", "null"))
    require_same(sent, received, "describe-rule")
    if tags is not None:
        answer = aws.call("events", "list-tags-for-resource", "--resource-arn", created["RuleArn"],
                          region=region, account=account)
        by_key = itemgetter("Key")
        require_same(sorted(tags, key=by_key), sorted(answer.get("Tags", []), key=by_key), "list-tags-for-resource")
    return lambda: aws.call("events", "delete-rule", "--name", rule["Name"], *bus_args(rule),
                            region=region, account=account)


def check_targets(aws: AwsCli, targets: dict, uri: str, region: str, account: str):
    answer = aws.call("events", "put-targets", "--cli-input-json", uri, region=region, account=account)
    if answer.get("FailedEntryCount", 0):
        raise Failure(f"put-targets refused entries: {answer.get('FailedEntries')}")
    received = aws.call("events", "list-targets-by-rule", "--rule", targets["Rule"], *bus_args(targets),
                        region=region, account=account)
    by_id = itemgetter("Id")
    require_same(sorted(targets["Targets"], key=by_id), sorted(received.get("Targets", []), key=by_id),
                 "list-targets-by-rule")
    ids = [target["Id"] for target in targets["Targets"]]
    return lambda: aws.call("events", "remove-targets", "--rule", targets["Rule"], "--ids", *ids,
                            *bus_args(targets), region=region, account=account)


def check_role(aws: AwsCli, role: dict, uri: str, region: str, account: str):
    aws.call("iam", "create-role", "--cli-input-json", uri, region=region, account=account)
    received = aws.call("iam", "get-role", "--role-name", role["RoleName"], region=region, account=account)["Role"]
    drop_added(received, ADDED_BY_AWS_TO_ROLE, ROLE_DEFAULTS, role)
    sent = dict(role)
    sent["AssumeRolePolicyDocument"] = as_json(sent["AssumeRolePolicyDocument"])
    received["AssumeRolePolicyDocument"] = as_json(received.get("AssumeRolePolicyDocument"))
    require_same(sent, received, "get-role")
    return lambda: aws.call("iam", "delete-role", "--role-name", role["RoleName"], region=region, account=account)


def check_role_policy(aws: AwsCli, policy: dict, uri: str, region: str, account: str):
    aws.call("iam", "put-role-policy", "--cli-input-json", uri, region=region, account=account)
    received = aws.call("iam", "get-role-policy", "--role-name", policy["RoleName"],
                        "--policy-name", policy["PolicyName"], region=region, account=account)
    sent = dict(policy, PolicyDocument=as_json(policy["PolicyDocument"]))
    received["PolicyDocument"] = as_json(received.get("PolicyDocument"))
    require_same(sent, received, "get-role-policy")
    return lambda: aws.call("iam", "delete-role-policy", "--role-name", policy["RoleName"],
                            "--policy-name", policy["PolicyName"], region=region, account=account)


# operation name -> (service, check); each check returns the call that undoes
# what it created.
OPERATIONS = {
    "CreateRole": ("iam", check_role),
    "PutRolePolicy": ("iam", check_role_policy),
    "PutRule": ("events", check_rule),
    "PutTargets": ("events", check_targets),
}
