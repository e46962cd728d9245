"""Wrong: drops greet's `await asyncio.sleep(0.01)` as useless, so greet is not left as it is."""

import asyncio

EXPECT = "leave greet as it is"


async def greet(name: str) -> str:
    """Pretend to look something up, then greet `name`."""
    return f"Hello, {name}!"


def main(name: str) -> str:
    """Run `greet(name)` on a new event loop with asyncio.run and return the greeting."""
    return asyncio.run(greet(name))
