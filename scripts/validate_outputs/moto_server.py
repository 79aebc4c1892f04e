"""A moto server on 127.0.0.1, stopped by its PID however the script ends."""

import atexit
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class MotoServer:
    """`with MotoServer(bin_dir) as endpoint:` runs `moto_server` bound to
    127.0.0.1 on a free port and yields its URL."""

    def __init__(self, bin_dir: Path, log: Path) -> None:
        self.command = str(bin_dir / "moto_server")
        self.log = log
        self.process = None

    def __enter__(self) -> str:
        port = free_port()
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [self.command, "-H", HOST, "-p", str(port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        atexit.register(self.stop)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._stop_on_signal)
        endpoint = f"http://{HOST}:{port}"
        self._wait_until_ready(endpoint)
        return endpoint

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Terminates the server by its PID (then kills it if it lingers)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _stop_on_signal(self, signum, _frame) -> None:
        self.stop()
        sys.exit(128 + signum)

    def _wait_until_ready(self, endpoint: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto_server exited with {self.process.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(f"{endpoint}/moto-api/data.json", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"moto_server did not answer on {endpoint} within 60 s; see {self.log}")
