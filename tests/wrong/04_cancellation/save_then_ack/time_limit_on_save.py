"""Wrong: puts a generous time limit of its own (a minute) on the save: a slower save is
never acknowledged, and the caller gets TimeoutError."""

import asyncio

EXPECT = "put no time limit of your own on it"

_saving = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    await asyncio.wait_for(asyncio.shield(saving), timeout=60)
    await ack()
