"""The result channel's format: one signed JSON line per message, from the grader process
(recorder.py, which seals) to the parent (orchestrate.py, which opens).

A leaf module: the parent reads the channel without importing pytest or the kit's
grading code, which it never runs.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any


def seal(message: dict[str, Any], key: bytes) -> bytes:
    """One line for the channel: ``message`` as JSON, signed with ``key`` (HMAC-SHA256)."""
    body = json.dumps(message)
    mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    return (json.dumps({"body": body, "mac": mac}) + "\n").encode()


def open_message(line: bytes, key: bytes) -> dict[str, Any] | None:
    """The message of one line from the channel, or None if its signature is wrong."""
    try:
        outer = json.loads(line)
        body = outer["body"]
        mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
        if not isinstance(body, str) or not hmac.compare_digest(mac, str(outer["mac"])):
            return None
        message = json.loads(body)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return message if isinstance(message, dict) else None
