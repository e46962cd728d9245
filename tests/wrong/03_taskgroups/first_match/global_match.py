"""Wrong: the task that finds the match stores it in a module-level global before raising its sentinel, so when two calls run at once, one can return the other's match."""

import asyncio

EXPECT = "each call returns its own match"


class Found(Exception):
    pass


_found = None


async def first_match(sources, pred):
    global _found

    async def ask(source):
        global _found
        value = await source()
        if pred(value):
            _found = value
            raise Found

    _found = None
    hit = False
    try:
        async with asyncio.TaskGroup() as tg:
            for source in sources:
                tg.create_task(ask(source))
    except* Found:
        hit = True
    return _found if hit else None
