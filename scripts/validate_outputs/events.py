"""`events/*.json`: put-rule and put-targets, then describe-rule and
list-targets-by-rule, and compare.

A file holds a put-rule input (it has `Name`), a put-targets input (it has
`Rule` and `Targets`), or an object whose members are such inputs (both
halves of one rule in one file).
"""

import json
import tempfile
from operator import itemgetter
from pathlib import Path

from .aws_cli import DEFAULT_ACCOUNT, AwsCli
from .compare import require_same
from .json_file import read_json
from .model_check import check_input
from .report import Failure

DEFAULT_REGION = "us-east-1"

# What describe-rule reports that put-rule does not take (ignored), and the
# fields put-rule defaults (ignored when not sent and equal to the default).
ADDED_BY_AWS_TO_RULE = ("Arn", "CreatedBy")
RULE_DEFAULTS = {"State": "ENABLED", "EventBusName": "default"}


def split_inputs(document: dict) -> tuple[dict | None, dict | None]:
    """The put-rule input and the put-targets input held by one file."""
    if "Name" in document:
        return document, None
    if "Rule" in document and "Targets" in document:
        return None, document
    parts = [value for value in document.values() if isinstance(value, dict)]
    rules = [part for part in parts if "Name" in part]
    targets = [part for part in parts if "Rule" in part and "Targets" in part]
    if len(rules) > 1 or len(targets) > 1 or not (rules or targets):
        raise Failure(
            "not a put-rule input (with Name), a put-targets input (with Rule and Targets), "
            f"or an object holding one of each; top-level keys: {sorted(document)}"
        )
    return (rules[0] if rules else None), (targets[0] if targets else None)


def place_of(targets: dict | None) -> tuple[str, str]:
    """The rule's Region and account: those of the pipeline it targets."""
    for target in (targets or {}).get("Targets", []):
        parts = target.get("Arn", "").split(":")
        if len(parts) >= 6 and parts[2] == "codepipeline":
            return parts[3], parts[4]
    return DEFAULT_REGION, DEFAULT_ACCOUNT


def check_event_file(aws: AwsCli, path: Path) -> None:
    document = read_json(path)
    rule, targets = split_inputs(document)
    region, account = place_of(targets)
    with tempfile.TemporaryDirectory() as scratch:
        if rule is not None:
            check_input("events", "PutRule", rule)
            check_rule(aws, rule, cli_input(rule, path, document, Path(scratch) / "put-rule.json"), region, account)
        if targets is not None:
            check_input("events", "PutTargets", targets)
            check_targets(aws, targets, cli_input(targets, path, document, Path(scratch) / "put-targets.json"),
                          region, account)
    bus = bus_args((rule or targets))
    name = rule["Name"] if rule else targets["Rule"]
    if targets is not None:
        ids = [target["Id"] for target in targets["Targets"]]
        aws.call("events", "remove-targets", "--rule", name, "--ids", *ids, *bus, region=region, account=account)
    if rule is not None:
        aws.call("events", "delete-rule", "--name", name, *bus, region=region, account=account)


def cli_input(part: dict, path: Path, document: dict, scratch: Path) -> str:
    """A `file://` URI of the part: the file itself when it is the whole
    file, else a copy of the part alone."""
    if part is document:
        return path.resolve().as_uri()
    scratch.write_text(json.dumps(part))
    return scratch.as_uri()


def bus_args(part: dict) -> list:
    return ["--event-bus-name", part["EventBusName"]] if "EventBusName" in part else []


def check_rule(aws: AwsCli, rule: dict, uri: str, region: str, account: str) -> None:
    created = aws.call("events", "put-rule", "--cli-input-json", uri, region=region, account=account)
    received = aws.call("events", "describe-rule", "--name", rule["Name"], *bus_args(rule),
                        region=region, account=account)
    for field in ADDED_BY_AWS_TO_RULE:
        received.pop(field, None)
    for field, default in RULE_DEFAULTS.items():
        if field not in rule and received.get(field) == default:
            del received[field]
    sent = dict(rule)
    tags = sent.pop("Tags", None)
    if "EventPattern" in sent:
        sent["EventPattern"] = json.loads(sent["EventPattern"])
        received["EventPattern"] = json.loads(received.get("EventPattern", "null"))
    require_same(sent, received, "describe-rule")
    if tags is not None:
        answer = aws.call("events", "list-tags-for-resource", "--resource-arn", created["RuleArn"],
                          region=region, account=account)
        by_key = itemgetter("Key")
        require_same(sorted(tags, key=by_key), sorted(answer.get("Tags", []), key=by_key), "list-tags-for-resource")


def check_targets(aws: AwsCli, targets: dict, uri: str, region: str, account: str) -> None:
    answer = aws.call("events", "put-targets", "--cli-input-json", uri, region=region, account=account)
    if answer.get("FailedEntryCount", 0):
        raise Failure(f"put-targets refused entries: {answer.get('FailedEntries')}")
    received = aws.call("events", "list-targets-by-rule", "--rule", targets["Rule"], *bus_args(targets),
                        region=region, account=account)
    by_id = itemgetter("Id")
    require_same(sorted(targets["Targets"], key=by_id), sorted(received.get("Targets", []), key=by_id),
                 "list-targets-by-rule")
