"""Wrong: shields acquire(): cancelled while acquiring, the worker stops at once, but the
shielded acquire() completes in the background and what it got is never released."""

import asyncio

EXPECT = "acquire() must not go on once the worker is cancelled"


async def worker(resource):
    await asyncio.shield(resource.acquire())
    try:
        while True:
            await resource.use()
    finally:
        resource.release()
