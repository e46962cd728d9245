"""Wrong: asyncio.sleep(1) without await creates a coroutine that never runs: no pause."""

import asyncio

EXPECT = "never awaited"


async def hello_world() -> None:
    print("hello")
    asyncio.sleep(1)
    print("world")
