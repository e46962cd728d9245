"""Wrong: keeps the semaphore in a module-level name that each call rebinds; the coroutines
read that name when they start, so two calls at once share the second call's semaphore."""

import asyncio

EXPECT = "the first call ran at most 1 of its coroutines at once"

_semaphore = None


async def bounded_gather(coros, limit):
    global _semaphore
    _semaphore = asyncio.Semaphore(limit)

    async def guarded(coro):
        async with _semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
