"""Wrong: creates every task, then awaits them one by one: cancelling settle leaves the others running."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "kept running in the background"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    outcomes = []
    for task in tasks:
        try:
            outcomes.append(Ok(await task))
        except Exception as exc:
            outcomes.append(Err(exc))
    return outcomes
