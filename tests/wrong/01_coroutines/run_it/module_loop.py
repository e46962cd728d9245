"""Wrong: one event loop made at import time, reused by every call and never closed."""

import asyncio

EXPECT = "same event loop"

LOOP = asyncio.new_event_loop()


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    return LOOP.run_until_complete(greet(name))
