"""Correct in another style: the set of pending saves is a default argument (made once)."""

import asyncio


async def save_then_ack(save, ack, _pending=set()):  # noqa: B006 - shared on purpose
    saving = asyncio.ensure_future(save())
    _pending.add(saving)
    saving.add_done_callback(_pending.discard)
    await asyncio.shield(saving)
    await ack()
