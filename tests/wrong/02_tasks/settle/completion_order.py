"""Wrong: collects outcomes with as_completed, i.e. in the order they finished."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "not the order they finished"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    outcomes = []
    for next_done in asyncio.as_completed(list(aws)):
        try:
            outcomes.append(Ok(await next_done))
        except Exception as exc:
            outcomes.append(Err(exc))
    return outcomes
