"""Wrong: asyncio.get_event_loop().run_until_complete(...) with no loop set: RuntimeError (and deprecated)."""

import asyncio

EXPECT = "asyncio.get_event_loop() has no loop to give"


async def greet(name: str) -> str:
    """Pretend to look something up, then greet `name`."""
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    """Run `greet(name)` on an event loop and return the greeting."""
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(greet(name))
