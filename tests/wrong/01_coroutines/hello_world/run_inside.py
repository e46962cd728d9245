"""Wrong: asyncio.run(asyncio.sleep(1)) inside the coroutine, where a loop already runs."""

import asyncio

EXPECT = "inside `async def`, just `await`"


async def hello_world() -> None:
    print("hello")
    asyncio.run(asyncio.sleep(1))
    print("world")
