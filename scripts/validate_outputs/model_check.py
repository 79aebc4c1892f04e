"""Checks an input file against the API model the AWS CLI ships (botocore).

First the validation the CLI itself runs before it sends anything (required
members, types, unknown members, minimum lengths); then the constraints the
model declares but the CLI leaves to the service: maximum lengths and sizes,
patterns and enums. These are AWS's own constraints, read from AWS's own
model; nothing here is a rule of ours.
"""

import botocore.session
from botocore.validate import ParamValidator

try:  # the model's patterns use \\p{...} classes, which only `regex` knows
    import regex as re
except ImportError:  # pragma: no cover - `regex` is pinned with cfn-lint
    import re

from .report import Failure

_SESSION = botocore.session.get_session()


def check_input(service: str, operation: str, params: dict) -> None:
    """Raises a `Failure` listing every way `params` breaks the input shape
    of `service`'s `operation`."""
    shape = _SESSION.get_service_model(service).operation_model(operation).input_shape
    report = ParamValidator().validate(params, shape)
    problems = [report.generate_report()] if report.has_errors() else []
    if not problems:
        _check_constraints(params, shape, operation, problems)
    if problems:
        raise Failure(f"{service} {operation} input: " + "; ".join(problems))


def _check_constraints(value, shape, path: str, problems: list) -> None:
    metadata = shape.metadata
    kind = shape.type_name
    if kind == "structure":
        for name, member in value.items():
            _check_constraints(member, shape.members[name], f"{path}.{name}", problems)
    elif kind == "list":
        _check_size(len(value), metadata, f"{path} has {len(value)} items", problems)
        for index, item in enumerate(value):
            _check_constraints(item, shape.member, f"{path}[{index}]", problems)
    elif kind == "map":
        _check_size(len(value), metadata, f"{path} has {len(value)} entries", problems)
        for key, item in value.items():
            _check_constraints(key, shape.key, f"{path} key {key!r}", problems)
            _check_constraints(item, shape.value, f"{path}.{key}", problems)
    elif kind == "string":
        _check_size(len(value), metadata, f"{path} is {len(value)} characters long", problems)
        if shape.enum and value not in shape.enum:
            problems.append(f"{path} is {value!r}, not one of {', '.join(shape.enum)}")
        pattern = metadata.get("pattern")
        if pattern and not _matches(pattern, value):
            problems.append(f"{path} {value!r} does not match the pattern {pattern}")
    elif kind in ("integer", "long"):
        _check_size(value, metadata, f"{path} is {value}", problems)


def _check_size(size: int, metadata: dict, what: str, problems: list) -> None:
    if "max" in metadata and size > metadata["max"]:
        problems.append(f"{what}, more than the maximum {metadata['max']}")


def _matches(pattern: str, value: str) -> bool:
    """The whole value must match, as the services apply their patterns
    (a pipeline name `my pipeline!` breaks `[A-Za-z0-9.@\\-_]+` even though
    a part of it matches). A pattern this engine cannot compile is not held
    against the value."""
    try:
        return re.fullmatch(pattern, value) is not None
    except re.error:
        return True
