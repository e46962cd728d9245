"""Wrong: builds the greeting by hand and never runs the coroutine greet(name)."""

import asyncio

EXPECT = "never ran greet"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    return f"Hello, {name}!"
