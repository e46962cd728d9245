"""Wrong: returns the coroutine object greet(name) without running it."""

import asyncio

EXPECT = "returned a coroutine object"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    return greet(name)
