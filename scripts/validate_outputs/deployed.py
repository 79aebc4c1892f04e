"""What a deployed output folder must have created on the moto server: the
role, artifact buckets and KMS keys each pipeline names, and the
cross-account grants of the key policies.

moto's CloudFormation does not create `AWS::CodePipeline::Pipeline`, so the
pipeline stack's own check that its role, bucket and key exist is made here:
each pipeline's `RoleArn` (and every action's `RoleArn`), each artifact
store's `Location` and `EncryptionKey`, read from the deployed template
(intrinsic functions resolved against the deployed stack) or from
`pipeline.json`, is looked up in its account and Region. What a template of
the output folder creates (a role by `RoleName`, a bucket by `BucketName`, a
key by its alias) must exist and be wired as declared; anything else is the
user's to provide, and is only named on the `ok` line.
"""

import json
import re
from pathlib import Path
from typing import NamedTuple

from .aws_cli import AwsCli, account_of
from .report import Failure

# The value the check gives a template parameter the user must supply
# (`from: deploy-command` in the manifest).
PARAMETER_VALUE = "validate-outputs"

ACCOUNT_OF_PRINCIPAL = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):")
ARN = re.compile(r"^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.*)$")


class Reference(NamedTuple):
    """A role, bucket or key a pipeline needs, where it must be found."""

    kind: str  # role, bucket, key
    name: str  # role ARN, bucket name, key ARN / alias ARN / id
    account: str
    region: str
    wanted_by: str  # e.g. "platform: service role"
    in_stack: bool = False  # named by Ref / Fn::GetAtt / Fn::Sub of a resource of the same stack


class Generated(NamedTuple):
    """What the templates of an output folder create, by account (and Region)."""

    roles: set  # (account, role name)
    buckets: set  # bucket names
    aliases: set  # (account, region, alias name)


def generated_resources(templates: list[tuple[dict, str, str]]) -> Generated:
    """The roles, buckets and key aliases `templates` (each with its
    account and Region) create under a literal name."""
    roles, buckets, aliases = set(), set(), set()
    for template, account, region in templates:
        for resource in template.get("Resources", {}).values():
            properties = resource.get("Properties", {})
            kind = resource.get("Type")
            if kind == "AWS::IAM::Role" and isinstance(properties.get("RoleName"), str):
                roles.add((account, properties["RoleName"]))
            elif kind == "AWS::S3::Bucket" and isinstance(properties.get("BucketName"), str):
                buckets.add(properties["BucketName"])
            elif kind == "AWS::KMS::Alias" and isinstance(properties.get("AliasName"), str):
                aliases.add((account, region, properties["AliasName"]))
    return Generated(roles, buckets, aliases)


class Resolver:
    """Resolves the intrinsic functions of a deployed template's values
    (`Ref`, `Fn::GetAtt` ... `Arn`, `Fn::Sub`, `Fn::Join`) against the
    deployed stack; None for what it cannot resolve."""

    def __init__(self, template: dict, physical: dict[str, str], parameters: dict[str, str], account: str,
                 region: str, stack_name: str) -> None:
        self.resources = template.get("Resources", {})
        self.physical = physical
        self.account = account
        self.region = region
        self.values = {"AWS::AccountId": account, "AWS::Region": region, "AWS::Partition": "aws",
                       "AWS::StackName": stack_name, "AWS::URLSuffix": "amazonaws.com", **parameters}

    def resolve(self, value):
        if isinstance(value, str):
            return value
        if not isinstance(value, dict) or len(value) != 1:
            return None
        (function, argument), = value.items()
        if function == "Ref":
            return self.values.get(argument, self.physical.get(argument))
        if function == "Fn::GetAtt":
            name, attribute = argument if isinstance(argument, list) else argument.split(".", 1)
            return self.attribute(name, attribute)
        if function == "Fn::Sub":
            text, extra = (argument, {}) if isinstance(argument, str) else argument
            extra = {key: self.resolve(inner) for key, inner in extra.items()}
            unresolved = []

            def substitute(match):
                name = match.group(1)
                if name in extra:
                    found = extra[name]
                elif "." in name:
                    found = self.attribute(*name.split(".", 1))
                else:
                    found = self.resolve({"Ref": name})
                if found is None:
                    unresolved.append(name)
                    return ""
                return found

            text = re.sub(r"\$\{([^}!]+)\}", substitute, text)
            return None if unresolved else text
        if function == "Fn::Join":
            separator, parts = argument
            parts = [self.resolve(part) for part in parts]
            return None if None in parts else separator.join(parts)
        return None

    def attribute(self, name: str, attribute: str):
        physical = self.physical.get(name)
        kind = self.resources.get(name, {}).get("Type")
        if physical is None or attribute != "Arn":
            return None
        if kind == "AWS::IAM::Role":
            return f"arn:aws:iam::{self.account}:role/{physical}"
        if kind == "AWS::S3::Bucket":
            return f"arn:aws:s3:::{physical}"
        if kind == "AWS::KMS::Key":
            return f"arn:aws:kms:{self.region}:{self.account}:key/{physical}"
        return None


def template_references(template: dict, resolver: Resolver, account: str, region: str) -> tuple[list, list]:
    """The references of every pipeline of a deployed template, and what
    wanted the values that could not be resolved."""
    references, unresolved = [], []
    for logical, resource in template.get("Resources", {}).items():
        if resource.get("Type") != "AWS::CodePipeline::Pipeline":
            continue
        properties = resource.get("Properties", {})
        stores = [(region, properties["ArtifactStore"])] if "ArtifactStore" in properties else [
            (entry.get("Region"), entry.get("ArtifactStore", {})) for entry in properties.get("ArtifactStores", [])]
        wanted = [("role", properties.get("RoleArn"), "", "service role")]
        for store_region, store in stores:
            store_region = resolver.resolve(store_region) if store_region else region
            wanted.append(("bucket", store.get("Location"), store_region, "artifact store"))
            if store.get("EncryptionKey"):
                wanted.append(("key", store["EncryptionKey"].get("Id"), store_region, "artifact key"))
        wanted += [("role", action["RoleArn"], "", f"{stage.get('Name')}/{action.get('Name')} role")
                   for stage in properties.get("Stages", []) if isinstance(stage, dict)
                   for action in stage.get("Actions", []) if isinstance(action, dict) and "RoleArn" in action]
        for kind, raw, where, what in wanted:
            value = resolver.resolve(raw)
            if value is None:
                unresolved.append(f"{logical}: {what}")
                continue
            owner = account_of(value) if kind != "bucket" and value.startswith("arn:") else account
            references.append(Reference(kind, value, owner, where, f"{logical}: {what}",
                                        names_resource(raw, template)))
    return references, unresolved


def names_resource(value, template: dict) -> bool:
    """Whether a template value names a resource of the template itself."""
    text = json.dumps(value)
    resources = template.get("Resources", {})
    named = re.findall(r'"Ref": "([^"]+)"|"Fn::GetAtt": \["([^"]+)"|\$\{([^}.!]+)', text)
    return any(name in resources for match in named for name in match if name)


def pipeline_json_references(document: dict, account: str, region: str) -> list[Reference]:
    """The references of a `pipeline.json`."""
    pipeline = document["pipeline"]
    if "artifactStore" in pipeline:
        stores = [(region, pipeline["artifactStore"])]
    else:
        stores = list(pipeline.get("artifactStores", {}).items())
    return pipeline_references(
        pipeline["name"], pipeline.get("roleArn"),
        [(store_region, store.get("location"), (store.get("encryptionKey") or {}).get("id", ""))
         for store_region, store in stores],
        [(f"{stage['name']}/{action['name']}", action["roleArn"]) for stage in pipeline.get("stages", [])
         for action in stage.get("actions", []) if "roleArn" in action],
        account)


def pipeline_references(name: str, role_arn, stores: list, action_roles: list, account: str) -> list[Reference]:
    """The service role, each store's bucket and key, each action's role."""
    found = [Reference("role", role_arn, account_of(role_arn) if role_arn else account, "", f"{name}: service role")]
    for store_region, location, key in stores:
        found.append(Reference("bucket", location, account, store_region or "", f"{name}: artifact store"))
        if key != "":  # a store without EncryptionKey uses the AWS-managed key
            found.append(Reference("key", key, account_of(key) if key else account, store_region or "",
                                   f"{name}: artifact key"))
    for action, role in action_roles:
        found.append(Reference("role", role, account_of(role) if role else account, "", f"{name}: {action} role"))
    return found


def check_references(aws: AwsCli, references: list[Reference], generated: Generated) -> tuple[int, set[str]]:
    """Every reference to something the output folder creates exists, wired
    as declared (a role CodePipeline or the pipeline's account may assume,
    a bucket encrypted with its store's key); returns how many were found,
    and the references the user provides."""
    checked, provided = 0, set()
    for reference in references:
        if reference.kind == "role":
            name = reference.name.rpartition("/")[2]
            if not reference.in_stack and (reference.account, name) not in generated.roles:
                provided.add(f"role {reference.name}")
                continue
            try:
                aws.call("iam", "get-role", "--role-name", name, region="us-east-1", account=reference.account)
            except Failure as failure:
                raise Failure(f"{reference.wanted_by} {reference.name} was not created: {failure}")
        elif reference.kind == "bucket":
            if not reference.in_stack and reference.name not in generated.buckets:
                provided.add(f"bucket {reference.name}")
                continue
            check_bucket(aws, reference, references)
        else:
            alias = key_alias(reference.name)
            if not reference.in_stack and (reference.account, reference.region, alias) not in generated.aliases:
                provided.add(f"key {reference.name}")
                continue
            key_arn(aws, reference)
        checked += 1
    return checked, provided


def check_bucket(aws: AwsCli, reference: Reference, references: list[Reference]) -> None:
    """The bucket exists in its Region, and its default encryption is the
    key its artifact store names (when it names one)."""
    try:
        location = aws.call("s3api", "get-bucket-location", "--bucket", reference.name, region=reference.region,
                            account=reference.account).get("LocationConstraint") or "us-east-1"
    except Failure as failure:
        raise Failure(f"{reference.wanted_by} {reference.name} was not created as declared: {failure}")
    if reference.region and location != reference.region:
        raise Failure(f"{reference.wanted_by} {reference.name} is in {location}, not {reference.region}")
    key = next((other for other in references if other.kind == "key" and other.region == reference.region
                and other.wanted_by.split(":")[0] == reference.wanted_by.split(":")[0]), None)
    if key is None or not (key.in_stack or key_alias(key.name)):
        return
    expected = key_arn(aws, key)
    rules = aws.call("s3api", "get-bucket-encryption", "--bucket", reference.name, region=reference.region,
                     account=reference.account)["ServerSideEncryptionConfiguration"]["Rules"]
    used = [rule["ApplyServerSideEncryptionByDefault"].get("KMSMasterKeyID") for rule in rules]
    if expected not in used:
        raise Failure(f"{reference.wanted_by} {reference.name} is encrypted with {used}, "
                      f"not with {key.name} ({expected})")


def key_alias(key: str) -> str | None:
    """`alias/NAME` of a key named by its alias (ARN or name)."""
    match = ARN.match(key)
    resource = match.group(4) if match else key
    return resource if resource.startswith("alias/") else None


def key_arn(aws: AwsCli, key: Reference) -> str:
    """The ARN of the key a reference names (by alias or by key ARN), which
    must exist in its account and Region. (moto's DescribeKey fails with an
    internal error on a key its CloudFormation created, whose policy it
    keeps as an object, so the key is found with ListAliases and ListKeys.)"""
    alias = key_alias(key.name)
    key_id = key.name.rpartition("/")[2]
    if alias is not None:
        aliases = aws.call("kms", "list-aliases", region=key.region, account=key.account)["Aliases"]
        key_id = next((entry.get("TargetKeyId") for entry in aliases if entry["AliasName"] == alias), None)
        if key_id is None:
            raise Failure(f"{key.wanted_by}: no alias {alias} in {key.account}/{key.region}")
    keys = aws.call("kms", "list-keys", region=key.region, account=key.account)["Keys"]
    found = next((entry["KeyArn"] for entry in keys if entry["KeyId"] == key_id), None)
    if found is None:
        raise Failure(f"{key.wanted_by} {key.name}: no key {key_id} in {key.account}/{key.region}")
    return found


def cross_account_grants(policy: dict, own_account: str) -> int:
    """How many Allow statements of a resource policy name a principal of
    another account."""
    count = 0
    for statement in policy.get("Statement", []):
        principal = statement.get("Principal")
        principals = principal.get("AWS", []) if isinstance(principal, dict) else []
        principals = [principals] if isinstance(principals, str) else principals
        accounts = {principal if re.fullmatch(r"\d{12}", principal) else ACCOUNT_OF_PRINCIPAL.match(principal)
                    and ACCOUNT_OF_PRINCIPAL.match(principal).group(1) for principal in principals}
        if statement.get("Effect") == "Allow" and accounts - {own_account, None, False}:
            count += 1
    return count


def read_template(root: Path, path: str) -> dict:
    return json.loads((root / path).read_text())
