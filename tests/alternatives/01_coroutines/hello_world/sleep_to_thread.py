"""Hello, world: the second is slept in a worker thread with asyncio.to_thread."""

import asyncio
import time


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    print("hello")
    await asyncio.to_thread(time.sleep, 1)
    print("world")
