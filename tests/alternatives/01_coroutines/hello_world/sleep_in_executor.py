"""Hello, world: the second is slept in the loop's default executor, which the coroutine
awaits; the loop stays free meanwhile."""

import asyncio
import time


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    print("hello")
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, 1)
    print("world")
