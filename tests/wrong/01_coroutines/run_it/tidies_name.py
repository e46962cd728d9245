"""Wrong: tidies the name (strip, title case) before greeting: names must pass unchanged."""

import asyncio

EXPECT = "with the name passed on unchanged"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    return asyncio.run(greet(name.strip().title()))
