"""Wrong: `if not list(sources)` walks the sources once already: a generator is empty after it."""

import asyncio


class Found(Exception):
    def __init__(self, value):
        super().__init__(value)
        self.value = value


EXPECT = "a generator can be walked only once"


async def first_match(sources, pred):
    if not list(sources):
        return None

    async def ask(source):
        value = await source()
        if pred(value):
            raise Found(value)

    found = None
    try:
        async with asyncio.TaskGroup() as group:
            for source in sources:
                group.create_task(ask(source))
    except* Found as matches:
        found = matches.exceptions[0].value
    return found
