"""Correct in another style: contextlib.AsyncExitStack registers release() as a callback."""

import contextlib


async def worker(resource):
    async with contextlib.AsyncExitStack() as stack:
        await resource.acquire()
        stack.callback(resource.release)
        while True:
            await resource.use()
