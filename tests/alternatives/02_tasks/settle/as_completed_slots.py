"""Correct in another style: wrapper tasks filled into slots as they complete."""

import asyncio
from dataclasses import dataclass
from typing import Any


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws):
    async def one(slot, aw):
        try:
            return slot, Ok(await aw)
        except Exception as exc:  # noqa: BLE001 - an outcome, not a failure
            return slot, Err(exc)

    tasks = [asyncio.ensure_future(one(slot, aw)) for slot, aw in enumerate(aws)]
    outcomes = [None] * len(tasks)
    try:
        for next_done in asyncio.as_completed(tasks):
            slot, outcome = await next_done
            outcomes[slot] = outcome
    finally:
        for task in tasks:
            task.cancel()
    return outcomes
