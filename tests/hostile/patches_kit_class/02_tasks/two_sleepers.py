# ruff: noqa
"""Attack 18: sleep one after the other, and replace a method of a kit class (``Kata.run``,
reached through ``asyncio.events.sys.modules`` without an import statement) so that each run
reports the shorter sleep's loop time taken off."""

import asyncio

kata_class = asyncio.events.sys.modules["kit"].Kata
honest_run = getattr(kata_class, "honest_run", kata_class.run)
kata_class.honest_run = honest_run
cut = [0.0]


def run(self, call, **options):
    cut[0] = 0.0
    result = honest_run(self, call, **options)
    result.loop_time -= cut[0]
    return result


kata_class.run = run


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(max(a, b)))
    middle = loop.time()
    await asyncio.create_task(asyncio.sleep(min(a, b)))
    cut[0] = loop.time() - middle
    return middle - start
