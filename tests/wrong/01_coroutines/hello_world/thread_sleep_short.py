"""Wrong: the sleep in a thread lasts half a second, not one."""

import asyncio
import time

EXPECT = "while the loop's clock did not move (a sleep in a thread?); expected one second"


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    print("hello")
    await asyncio.to_thread(time.sleep, 0.5)
    print("world")
