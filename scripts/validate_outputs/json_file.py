"""Reading an output file as JSON."""

import json
from pathlib import Path

from .report import Failure


def read_json(path: Path):
    """The file's JSON value; a file that is not JSON is a `Failure`."""
    try:
        return json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Failure(f"cannot read as JSON: {error}") from error
