"""The one-line-per-file report and its closing count."""


class Failure(Exception):
    """A check failed; the message says what differs or what was refused."""


class Tally:
    """Prints `ok   path` / `FAIL path: reason` and counts them."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def ok(self, path: str, note: str = "") -> None:
        self.passed += 1
        print(f"ok   {path}" + (f" ({note})" if note else ""), flush=True)

    def fail(self, path: str, reason: str) -> None:
        self.failed += 1
        reason = " ".join(reason.split())
        print(f"FAIL {path}: {reason}", flush=True)

    def check(self, path: str, check, *args) -> None:
        """Runs `check(*args)`; a `Failure` it raises is a FAIL line, and a
        string it returns is a note on the ok line."""
        try:
            note = check(*args)
        except Failure as failure:
            self.fail(path, str(failure))
        except Exception as error:  # a file the checker did not expect is still a failure, not a crash
            self.fail(path, f"the check itself broke on this file: {type(error).__name__}: {error}")
        else:
            self.ok(path, note or "")

    def summary(self) -> str:
        return f"{self.passed} passed, {self.failed} failed"
