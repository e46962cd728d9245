"""Wrong: runs greet once to check it works, then again for the answer."""

import asyncio

EXPECT = "once"


async def greet(name: str) -> str:
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    if asyncio.run(greet(name)):
        return asyncio.run(greet(name))
    return ""
