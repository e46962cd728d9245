"""Wrong: shields one task that saves and then acks, so a cancelled caller's save is still
acknowledged in the background."""

import asyncio

EXPECT = "ack() was called at 1 s although the caller was cancelled"

_saving = set()


async def _save_and_ack(save, ack):
    await save()
    await ack()


async def save_then_ack(save, ack):
    both = asyncio.ensure_future(_save_and_ack(save, ack))
    _saving.add(both)
    both.add_done_callback(_saving.discard)
    await asyncio.shield(both)
