"""Wrong: main is an `async def`, so calling it from plain code gives a coroutine."""

import asyncio

EXPECT = "is an `async def` function"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


async def main(name: str) -> str:
    return await greet(name)
