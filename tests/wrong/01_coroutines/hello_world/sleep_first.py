"""Wrong: sleeps before printing anything, so `hello` comes one second late."""

import asyncio

EXPECT = "`hello` was printed at loop time 1"


async def hello_world() -> None:
    await asyncio.sleep(1)
    print("hello")
    print("world")
