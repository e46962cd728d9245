"""Wrong: a short time.sleep (0.2 s, "to let hello flush") still blocks the event loop."""

import asyncio
import time

EXPECT = "it called time.sleep(0.2) inside a coroutine"


async def hello_world() -> None:
    print("hello")
    time.sleep(0.2)
    await asyncio.sleep(1)
    print("world")
