"""Wrong: shields the save but catches CancelledError and returns, swallowing it."""

import asyncio

EXPECT = "did not end with CancelledError"


async def save_then_ack(save, ack):
    try:
        await asyncio.shield(save())
    except asyncio.CancelledError:
        return
    await ack()
