"""Correct: writes through `stdout` imported from sys (bound when the module is imported)."""

import asyncio
from sys import stdout


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    stdout.write("hello\n")
    await asyncio.sleep(1)
    stdout.write("world\n")
