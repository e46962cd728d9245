"""Wrong: caches main's result per name, so a second call never runs greet."""

import asyncio
import functools

EXPECT = "ran greet was 1"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


@functools.cache
def main(name: str) -> str:
    return asyncio.run(greet(name))
