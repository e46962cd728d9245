"""Wrong: no concurrency at all: read one item, sink it, read the next."""

EXPECT = "took turns"


async def produce_consume(source, sink, maxsize):
    async for item in source:
        await sink(item)
