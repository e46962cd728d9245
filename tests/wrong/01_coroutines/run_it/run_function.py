"""Wrong: hands asyncio.run the coroutine function instead of a coroutine object."""

import asyncio

EXPECT = "call the coroutine function first"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    return asyncio.run(greet)
