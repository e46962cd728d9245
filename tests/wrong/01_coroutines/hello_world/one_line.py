"""Wrong: prints both words on one line."""

import asyncio

EXPECT = "The printed text was 'hello world"


async def hello_world() -> None:
    print("hello", end=" ")
    await asyncio.sleep(1)
    print("world")
