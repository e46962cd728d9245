"""Wrong: takes one item from each source in turn, so a fast source waits for a slow one."""

EXPECT = "from whichever source is ready first"


async def merge(*aits):
    live = list(aits)
    while live:
        for ait in list(live):
            try:
                item = await anext(ait)
            except StopAsyncIteration:
                live.remove(ait)
                continue
            yield item
