"""Wrong: makes the resources in a list comprehension: when one make() fails, the ones already made were never kept, so never closed."""

from contextlib import asynccontextmanager

EXPECT = "a list comprehension gives you the list"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        resources = [await make() for _ in range(n)]
        yield resources
    finally:
        for r in resources:
            await close(r)
