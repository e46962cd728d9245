"""Correct in another style: asyncio.Runner, which also closes its loop at the end."""

import asyncio


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    with asyncio.Runner() as runner:
        return runner.run(greet(name))
