"""Wrong: breaks out of as_completed after k results and leaves the other jobs running."""

import asyncio

EXPECT = "never cancelled"


async def first_k(factories, k: int) -> list:
    results = []
    for next_done in asyncio.as_completed([make() for make in factories]):
        results.append(await next_done)
        if len(results) == k:
            break
    return results
