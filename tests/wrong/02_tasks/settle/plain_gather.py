"""Wrong: a plain gather raises the first error and loses every other outcome."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "return_exceptions=True"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    return [Ok(value) for value in await asyncio.gather(*aws)]
