"""Wrong: awaits each awaitable in turn, so the latencies add up."""

from dataclasses import dataclass
from typing import Any

EXPECT = "did you await them one by one"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    outcomes = []
    for aw in aws:
        try:
            outcomes.append(Ok(await aw))
        except Exception as exc:
            outcomes.append(Err(exc))
    return outcomes
