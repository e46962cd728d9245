"""Wrong: runs the ack at the same time as the save instead of after it."""

import asyncio

EXPECT = "before the save finished"


async def save_then_ack(save, ack):
    await asyncio.gather(asyncio.shield(save()), ack())
