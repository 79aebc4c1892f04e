"""`pipeline.json`: create-pipeline, then get-pipeline, and compare."""

from copy import deepcopy
from pathlib import Path

from .aws_cli import AwsCli, account_of
from .compare import drop_defaults, require_same
from .json_file import read_json
from .manifest import Placement
from .model_check import check_input
from .report import Failure

# What get-pipeline adds that create-pipeline does not take back. These are
# the only fields ignored when comparing; everything else must come back as
# it was sent.
ADDED_BY_AWS_TO_DOCUMENT = ("metadata",)  # pipelineArn, created, updated
ADDED_BY_AWS_TO_PIPELINE = ("version",)  # the structure version AWS assigns

# Fields AWS fills in when they were left out, with the value it fills in.
# They are ignored only when they were not sent and come back as exactly this.
PIPELINE_DEFAULTS = {"executionMode": "SUPERSEDED", "pipelineType": "V1"}
ACTION_DEFAULTS = {"runOrder": 1, "configuration": {}, "inputArtifacts": [], "outputArtifacts": []}

DEFAULT_REGION = "us-east-1"


def region_of(pipeline: dict) -> str:
    """The pipeline's Region when no manifest says it: the first Region of a
    cross-Region pipeline's artifact stores, else us-east-1."""
    stores = pipeline.get("artifactStores") or {}
    return next(iter(stores), DEFAULT_REGION)


def check_pipeline(aws: AwsCli, path: Path, placement: Placement) -> None:
    """Sends `path` through create-pipeline, in the Region the manifest
    names, and requires get-pipeline to return the same pipeline, and
    list-tags-for-resource the same tags."""
    sent = read_json(path)
    check_input("codepipeline", "CreatePipeline", sent)
    pipeline = sent["pipeline"]
    region = placement.region or region_of(pipeline)
    account = account_of(pipeline["roleArn"])
    aws.ensure_role(pipeline["roleArn"], "codepipeline.amazonaws.com", region)
    aws.call("codepipeline", "create-pipeline", "--cli-input-json", path.resolve().as_uri(),
             region=region, account=account)
    try:
        received = aws.call("codepipeline", "get-pipeline", "--name", pipeline["name"], region=region, account=account)
        require_same(pipeline, returned_pipeline(pipeline, received), "get-pipeline")
        if "tags" in sent:
            arn = received["metadata"]["pipelineArn"]
            tags = aws.call("codepipeline", "list-tags-for-resource", "--resource-arn", arn,
                            region=region, account=account).get("tags", [])
            require_same(sorted_tags(sent["tags"]), sorted_tags(tags), "list-tags-for-resource")
    finally:
        aws.call("codepipeline", "delete-pipeline", "--name", pipeline["name"], region=region, account=account)


def returned_pipeline(sent: dict, received: dict) -> dict:
    """The pipeline of a get-pipeline answer less what AWS adds (see the
    lists above)."""
    unexpected = set(received) - {"pipeline", *ADDED_BY_AWS_TO_DOCUMENT}
    if unexpected:
        raise Failure(f"get-pipeline answered with unexpected fields {sorted(unexpected)}")
    pipeline = deepcopy(received["pipeline"])
    for field in ADDED_BY_AWS_TO_PIPELINE:
        pipeline.pop(field, None)
    drop_defaults(sent, pipeline, PIPELINE_DEFAULTS)
    for sent_stage, stage in zip(sent.get("stages", []), pipeline.get("stages", [])):
        for sent_action, action in zip(sent_stage.get("actions", []), stage.get("actions", [])):
            drop_defaults(sent_action, action, ACTION_DEFAULTS)
    return pipeline


def sorted_tags(tags: list) -> list:
    return sorted(tags, key=lambda tag: tag["key"])
