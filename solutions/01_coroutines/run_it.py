"""Run a coroutine from plain code (reference solution)."""

import asyncio


async def greet(name: str) -> str:
    """Pretend to look something up, then greet `name`."""
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    """Run `greet(name)` on a new event loop with asyncio.run and return the greeting."""
    # greet(name) only creates the coroutine; asyncio.run drives it on a fresh loop,
    # closes the loop afterwards and returns the coroutine's result.
    return asyncio.run(greet(name))
