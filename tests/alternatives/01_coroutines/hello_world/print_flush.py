"""Correct in another style: print with flush=True, sleeping through a helper coroutine."""

import asyncio


async def pause(seconds: float) -> None:
    await asyncio.sleep(seconds)


async def hello_world() -> None:
    print("hello", flush=True)
    await pause(1)
    print("world", flush=True)
