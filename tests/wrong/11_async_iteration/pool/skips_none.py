"""Wrong: None placeholders, and only the entries that are not None are closed: a make() that
returns None made a resource too."""

from contextlib import asynccontextmanager

EXPECT = "closed [0, '']"


@asynccontextmanager
async def pool(n, make, close):
    resources = [None] * n
    try:
        for i in range(n):
            resources[i] = await make()
        yield resources
    finally:
        for r in resources:
            if r is not None:
                await close(r)
