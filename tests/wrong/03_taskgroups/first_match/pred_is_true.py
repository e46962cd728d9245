"""Wrong: compares pred(value) with `== True`, so a pred returning a truthy non-bool never
matches."""

import asyncio

EXPECT = "is truthy"


class _Found(Exception):  # noqa: N818
    def __init__(self, value):
        super().__init__(value)
        self.value = value


async def first_match(sources, pred):
    async def ask(source):
        value = await source()
        if pred(value) == True:  # noqa: E712
            raise _Found(value)

    found = None
    try:
        async with asyncio.TaskGroup() as group:
            for source in sources:
                group.create_task(ask(source))
    except* _Found as matches:
        found = matches.exceptions[0]
    return found.value if found is not None else None
