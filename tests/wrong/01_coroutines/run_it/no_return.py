"""Wrong: runs the coroutine but forgets to return its result."""

import asyncio

EXPECT = "without `return` returns None"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    asyncio.run(greet(name))
