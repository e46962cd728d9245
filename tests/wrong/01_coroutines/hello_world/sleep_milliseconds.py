"""Wrong: asyncio.sleep takes seconds, not milliseconds: this waits 1000 s."""

import asyncio

EXPECT = "`world` was printed at loop time 1000.0 s"


async def hello_world() -> None:
    print("hello")
    await asyncio.sleep(1000)
    print("world")
