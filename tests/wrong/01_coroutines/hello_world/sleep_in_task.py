"""Wrong: starts the sleep as a task and does not wait for it: no pause at all."""

import asyncio

EXPECT = "1 s"


async def hello_world() -> None:
    print("hello")
    task = asyncio.create_task(asyncio.sleep(1))
    print("world")
    await task
