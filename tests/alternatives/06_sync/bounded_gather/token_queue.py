"""Correct in another style: `limit` tokens in an asyncio.Queue; a coroutine takes a token
before it runs and puts it back when it ends."""

import asyncio


async def bounded_gather(coros, limit):
    tokens = asyncio.Queue()
    for _ in range(limit):
        tokens.put_nowait(None)

    async def guarded(coro):
        token = await tokens.get()
        try:
            return await coro
        finally:
            tokens.put_nowait(token)

    return await asyncio.gather(*map(guarded, coros), return_exceptions=True)
