"""Wrong: shields the coroutine directly and keeps no reference to the shielded task: once the
caller is cancelled nothing holds it, and a garbage collection can destroy it half-way."""

import asyncio

EXPECT = "its task was garbage-collected half-way"


async def save_then_ack(save, ack):
    await asyncio.shield(save())
    await ack()
