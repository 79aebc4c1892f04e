"""`notifications/*.json`: create-notification-rule input.

moto (pinned in validate-outputs.requirements.txt) implements no CodeStar
Notifications API: its backend index has no `codestar-notifications`
service, and the server answers such calls with a 500. So these files cannot
be sent and read back; they are checked against the CreateNotificationRule
input shape of the API model the AWS CLI ships, which is what the CLI checks
before it sends, plus the model's lengths, patterns and enums.
"""

from pathlib import Path

from .json_file import read_json
from .model_check import check_input

NOTE = "checked against the AWS API model; moto has no CodeStar Notifications"


def check_notification_file(path: Path) -> str:
    check_input("codestar-notifications", "CreateNotificationRule", read_json(path))
    return NOTE
