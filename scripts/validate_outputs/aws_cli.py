"""The AWS CLI, pointed at the moto server with dummy credentials.

Nothing of the machine's own AWS configuration is read: the config and
credentials files are /dev/null, instance metadata is off, and every
`AWS_*` variable of the caller's environment is dropped.
"""

import json
import os
import re
import subprocess
from pathlib import Path

from .report import Failure

DEFAULT_ACCOUNT = "123456789012"  # moto's account for credentials it did not issue
DUMMY_KEY = "testing"
ACCOUNT_IN_ARN = re.compile(r"^arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):")


def account_of(arn: str) -> str:
    """The account of an ARN, or moto's default when it names none."""
    match = ACCOUNT_IN_ARN.match(arn) if isinstance(arn, str) else None
    return match.group(1) if match else DEFAULT_ACCOUNT


class AwsCli:
    """Runs `aws SERVICE OPERATION ...` as a given account of the moto server."""

    def __init__(self, bin_dir: Path, endpoint: str) -> None:
        self.command = str(bin_dir / "aws")
        self.endpoint = endpoint
        self.base_env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
        self.base_env.update({
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_PAGER": "",
        })
        self.credentials = {DEFAULT_ACCOUNT: {"AWS_ACCESS_KEY_ID": DUMMY_KEY, "AWS_SECRET_ACCESS_KEY": DUMMY_KEY}}

    def call(self, service: str, operation: str, *args: str, region: str, account: str = DEFAULT_ACCOUNT) -> dict:
        """Runs the command and returns its JSON output; a non-zero exit is a
        `Failure` carrying the CLI's message."""
        env = {**self.base_env, **self._credentials_of(account)}
        process = subprocess.run(
            [self.command, "--endpoint-url", self.endpoint, "--region", region, "--output", "json",
             service, operation, *args],
            env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        )
        if process.returncode != 0:
            raise Failure(f"aws {service} {operation}: {process.stderr.strip() or process.stdout.strip()}")
        return json.loads(process.stdout) if process.stdout.strip() else {}

    def environment(self, account: str = DEFAULT_ACCOUNT) -> dict:
        """The environment of a program that runs this AWS CLI itself (as
        `synth diff --live` does) against the moto server, as `account`."""
        path = f"{Path(self.command).parent}{os.pathsep}{self.base_env.get('PATH', '')}"
        return {**self.base_env, **self._credentials_of(account), "AWS_ENDPOINT_URL": self.endpoint, "PATH": path}

    def ensure_role(self, role_arn: str, service_principal: str, region: str) -> None:
        """Creates the IAM role `role_arn` names, trusting `service_principal`,
        in the role's account (moto checks the role before create-pipeline)."""
        match = re.match(r"^arn:aws[a-z-]*:iam::(\d{12}):role(/(?:.*/)?)([^/]+)$", role_arn)
        if not match:
            raise Failure(f"roleArn {role_arn!r} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)")
        account, path, name = match.groups()
        trust = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service_principal}, "Action": "sts:AssumeRole"}],
        }
        try:
            self.call("iam", "create-role", "--role-name", name, "--path", path,
                      "--assume-role-policy-document", json.dumps(trust), region=region, account=account)
        except Failure as failure:
            if "EntityAlreadyExists" not in str(failure):
                raise

    def _credentials_of(self, account: str) -> dict:
        """Credentials moto attributes to `account`: moto's STS issues them
        for any role ARN, and files the access key under the role's account."""
        if account not in self.credentials:
            issued = self.call(
                "sts", "assume-role",
                "--role-arn", f"arn:aws:iam::{account}:role/pipewright-validate-outputs",
                "--role-session-name", "validate-outputs",
                region="us-east-1",
            )["Credentials"]
            self.credentials[account] = {
                "AWS_ACCESS_KEY_ID": issued["AccessKeyId"],
                "AWS_SECRET_ACCESS_KEY": issued["SecretAccessKey"],
                "AWS_SESSION_TOKEN": issued["SessionToken"],
            }
        return self.credentials[account]
