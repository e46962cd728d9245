"""Run a coroutine from plain code: the bridge from `def` to `async def`.

`greet(name)` below is a coroutine function: calling it does not greet anyone, it only makes
a coroutine object. Something has to run that coroutine on an event loop.

Write `main(name)`, a plain `def` (not `async def`): it runs the coroutine `greet(name)` with
`asyncio.run(...)` and returns its result. `asyncio.run` starts a new event loop, runs the
coroutine to the end, closes the loop and hands back what the coroutine returned. It is the
one call that joins ordinary code to the async world, usually once, at the top of a program.

    >>> main("Ada")
    'Hello, Ada!'

Leave `greet` as it is. Returning `greet(name)` itself would hand back an un-run coroutine
object, not the greeting.

Key names: `asyncio.run`, coroutine object vs coroutine function.

Grade it: nox -s grade -- run_it
"""

import asyncio


async def greet(name: str) -> str:
    """Pretend to look something up, then greet `name`."""
    await asyncio.sleep(0.01)
    return f"Hello, {name}!"


def main(name: str) -> str:
    """Run `greet(name)` on a new event loop with asyncio.run and return the greeting."""
    raise NotImplementedError("return asyncio.run(...) of the coroutine greet(name)")
