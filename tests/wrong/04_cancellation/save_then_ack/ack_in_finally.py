"""Wrong: acks in `finally`, so a cancelled caller still acknowledges an unfinished save."""

import asyncio

EXPECT = "ack() was called"


async def save_then_ack(save, ack):
    try:
        await asyncio.shield(save())
    finally:
        await ack()
