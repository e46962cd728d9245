"""Wrong: the sleep in a thread lasts two seconds, not one."""

import asyncio
import time

EXPECT = "while the loop's clock did not move (a sleep in a thread?); expected one second"


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    print("hello")
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, 2)
    print("world")
