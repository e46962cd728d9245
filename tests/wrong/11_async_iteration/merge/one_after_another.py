"""Wrong: iterates the sources one after another, so later sources wait for earlier ones."""

EXPECT = "one after another"


async def merge(*aits):
    for ait in aits:
        async for item in ait:
            yield item
