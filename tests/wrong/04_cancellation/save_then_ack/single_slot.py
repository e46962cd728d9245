"""Wrong: keeps the shielded save in one module-level variable instead of a set: a second
call overwrites it, and the first save, its caller gone, can be garbage-collected half-way."""

import asyncio

EXPECT = "a single variable keeps only the last save"

_current = None


async def save_then_ack(save, ack):
    global _current
    _current = asyncio.ensure_future(save())
    await asyncio.shield(_current)
    await ack()
