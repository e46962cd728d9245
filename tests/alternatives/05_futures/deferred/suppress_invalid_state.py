"""Correct in another style: asks forgiveness, not permission: a later settlement's
InvalidStateError is suppressed (and the future is made with asyncio.Future())."""

import asyncio
import contextlib


class Deferred:
    def __init__(self):
        self._future = asyncio.Future()

    def resolve(self, value):
        with contextlib.suppress(asyncio.InvalidStateError):
            self._future.set_result(value)

    def reject(self, exc):
        with contextlib.suppress(asyncio.InvalidStateError):
            self._future.set_exception(exc)

    async def wait(self):
        return await asyncio.shield(self._future)
