"""Correct in another style: writes to sys.stdout directly and sleeps with a float."""

import asyncio
import sys


async def hello_world() -> None:
    sys.stdout.write("hello\n")
    sys.stdout.flush()
    await asyncio.sleep(1.0)
    sys.stdout.write("world\n")
