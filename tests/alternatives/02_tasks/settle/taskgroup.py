"""Correct in another style: a TaskGroup of wrappers that never raise."""

import asyncio
from dataclasses import dataclass
from typing import Any


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list[Ok | Err]:
    async def outcome(aw):
        try:
            return Ok(await aw)
        except Exception as exc:  # noqa: BLE001 - every failure is an outcome
            return Err(exc)

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(outcome(aw)) for aw in aws]
    return [task.result() for task in tasks]
