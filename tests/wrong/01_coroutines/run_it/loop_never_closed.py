"""Wrong: makes its own event loop and never closes it."""

import asyncio

EXPECT = "unclosed event loop"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    loop = asyncio.new_event_loop()
    return loop.run_until_complete(greet(name))
