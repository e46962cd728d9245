"""Wrong: starts the sleep as a task and never awaits it, so nothing pauses."""

import asyncio

EXPECT = "task(s) were still running"


async def hello_world() -> None:
    print("hello")
    asyncio.create_task(asyncio.sleep(1))
    print("world")
