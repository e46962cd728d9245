# ruff: noqa
"""Attack 8d: a worker that swallows BaseException, abandoned: when pytest's garbage
collection at the end of the session finalizes it, it never returns."""

import asyncio
import time


async def _worker() -> None:
    while True:
        try:
            await asyncio.sleep(3600)
        except BaseException:
            while True:
                try:
                    time.sleep(1)
                except BaseException:
                    pass


async def hello_world() -> None:
    asyncio.get_running_loop().create_task(_worker())
    print("Hello, world!")
