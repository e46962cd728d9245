# ruff: noqa
"""Attack 20: sleep one after the other, and add the name ``abs`` to the kit's and the
grader's modules (a module's own names come before the builtins): every "is it within a
microsecond" comparison there then says yes, for the differences a sequential run makes.
No function is replaced."""

import asyncio

real_abs = abs
for name, module in list(getattr(asyncio.events.sys, "modules").items()):
    if name.startswith("kit") or name.endswith("test_two_sleepers"):
        module.abs = lambda number: 0.0 if real_abs(number) <= 5 else real_abs(number)


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(a))
    await asyncio.create_task(asyncio.sleep(b))
    return loop.time() - start
