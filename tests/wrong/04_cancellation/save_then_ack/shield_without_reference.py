"""Correct in another style: the short form, shielding the coroutine directly."""

import asyncio


async def save_then_ack(save, ack):
    await asyncio.shield(save())
    await ack()
