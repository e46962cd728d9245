"""Correct in another style: the second is two awaited half-second sleeps."""

import asyncio


async def hello_world() -> None:
    print("hello")
    for _ in range(2):
        await asyncio.sleep(0.5)
    print("world")
