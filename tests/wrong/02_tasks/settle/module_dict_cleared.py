"""Wrong: keeps the outcomes in one module-level dict by position, cleared at the start of each call, so two calls at once overwrite each other's outcomes."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "at the same time was"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


_outcomes = {}


async def settle(aws):
    aws = list(aws)
    _outcomes.clear()

    async def one(n, aw):
        try:
            _outcomes[n] = Ok(await aw)
        except Exception as error:
            _outcomes[n] = Err(error)

    await asyncio.gather(*(one(n, aw) for n, aw in enumerate(aws)))
    return [_outcomes[n] for n in range(len(aws))]
