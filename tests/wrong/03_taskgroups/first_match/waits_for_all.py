"""Wrong: gathers every answer, then picks the first match: waits for the slowest source."""

import asyncio

EXPECT = "did you wait for every source?"


async def first_match(sources, pred):
    loop = asyncio.get_running_loop()
    timed = []

    async def ask(source):
        value = await source()
        timed.append((loop.time(), value))

    await asyncio.gather(*(ask(s) for s in sources))
    for _, value in sorted(timed, key=lambda tv: tv[0]):
        if pred(value):
            return value
    return None
