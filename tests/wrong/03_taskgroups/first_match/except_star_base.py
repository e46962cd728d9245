"""Wrong: `except* BaseException` catches the caller's CancelledError too, and returns None."""

import asyncio

EXPECT = "the caller's cancellation was swallowed"


class Found(Exception):
    def __init__(self, value):
        super().__init__(value)
        self.value = value


async def first_match(sources, pred):
    async def ask(source):
        value = await source()
        if pred(value):
            raise Found(value)

    found = None
    try:
        async with asyncio.TaskGroup() as group:
            for source in sources:
                group.create_task(ask(source))
    except* BaseException as caught:
        found = caught.exceptions[0]
    return found.value if isinstance(found, Found) else None
