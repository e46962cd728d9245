"""Correct in another style: a loop made by hand, closed in finally."""

import asyncio


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(greet(name))
    finally:
        loop.close()
