"""Correct in another style: asyncio.run in a worker thread, its result waited for."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, greet(name)).result()
