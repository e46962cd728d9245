"""Wrong: schedules `world` with call_later and returns at once: it is never printed."""

import asyncio

EXPECT = "world"


async def hello_world() -> None:
    print("hello")
    asyncio.get_running_loop().call_later(1, print, "world")
