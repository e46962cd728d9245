"""Wrong: builds the output by hand and forgets the newline after `world`."""

import asyncio
import sys

EXPECT = "The printed text"


async def hello_world() -> None:
    sys.stdout.write("hello\n")
    await asyncio.sleep(1)
    sys.stdout.write("world")
