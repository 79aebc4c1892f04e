"""Comparing what was sent with what AWS gives back, as JSON."""

from .report import Failure


def first_difference(sent, received, path: str = "") -> str | None:
    """Where `sent` and `received` first differ, said in words; None when
    they are equal. Object key order does not matter, list order does."""
    if isinstance(sent, dict) and isinstance(received, dict):
        for key in sent:
            if key not in received:
                return f"{path}.{key} was sent but did not come back"
        for key in received:
            if key not in sent:
                return f"{path}.{key} came back ({short(received[key])}) but was not sent"
        for key in sent:
            difference = first_difference(sent[key], received[key], f"{path}.{key}")
            if difference:
                return difference
        return None
    if isinstance(sent, list) and isinstance(received, list):
        if len(sent) != len(received):
            return f"{path} has {len(sent)} items sent but {len(received)} came back"
        for index, (left, right) in enumerate(zip(sent, received)):
            difference = first_difference(left, right, f"{path}[{index}]")
            if difference:
                return difference
        return None
    if sent != received or type(sent) is not type(received):
        return f"{path} was sent as {short(sent)} but came back as {short(received)}"
    return None


def require_same(sent, received, what: str) -> None:
    """Raises a `Failure` naming the first difference."""
    difference = first_difference(sent, received)
    if difference:
        raise Failure(f"{what}: {difference.lstrip('.')}")


def drop_defaults(sent: dict, received: dict, defaults: dict) -> None:
    """Removes from `received` each field of `defaults` that was not sent
    and came back holding its documented default value."""
    for key, default in defaults.items():
        if key not in sent and received.get(key, object()) == default:
            del received[key]


def short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
