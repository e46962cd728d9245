"""Hello, world — with a pause: your first coroutine (reference solution)."""

import asyncio


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    print("hello")
    # `await` suspends this coroutine for one second; the loop is free meanwhile.
    await asyncio.sleep(1)
    print("world")
