"""Wrong: returns what ack() returned; save_then_ack returns nothing."""

import asyncio

_saving = set()

EXPECT = "it returns nothing (None)"


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    await asyncio.shield(saving)
    return await ack()
