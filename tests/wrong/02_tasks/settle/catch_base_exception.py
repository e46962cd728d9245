"""Wrong: catches BaseException, so cancelling the caller becomes an Err instead of cancelling."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "Catching BaseException"


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
        except BaseException as exc:
            outcomes.append(Err(exc))
    return outcomes
