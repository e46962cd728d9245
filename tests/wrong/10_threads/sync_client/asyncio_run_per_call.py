"""Wrong: asyncio.run() in every call: a new loop each time, nothing survives between calls."""

import asyncio

EXPECT = "did you use asyncio.run()"


class SyncClient:
    def __init__(self):
        pass

    def call(self, coro_fn, *args):
        return asyncio.run(coro_fn(*args))

    def close(self):
        pass
