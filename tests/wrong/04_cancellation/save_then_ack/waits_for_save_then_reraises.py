"""Correct in another style: on cancellation, wait for the save to end, then re-raise (no ack)."""

import asyncio


async def save_then_ack(save, ack):
    saving = asyncio.create_task(save())
    try:
        await asyncio.shield(saving)
    except asyncio.CancelledError:
        await asyncio.wait([saving])
        raise
    await ack()
