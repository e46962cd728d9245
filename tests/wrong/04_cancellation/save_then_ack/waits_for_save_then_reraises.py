"""Wrong: on cancellation, waits for the save to end before re-raising: the caller gets its
CancelledError late, not at once."""

import asyncio

EXPECT = "it must get it at once"


async def save_then_ack(save, ack):
    saving = asyncio.create_task(save())
    try:
        await asyncio.shield(saving)
    except asyncio.CancelledError:
        await asyncio.wait([saving])
        raise
    await ack()
