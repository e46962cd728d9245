"""Wrong: on cancellation, acks anyway and then re-raises: only a finished save may be acked."""

import asyncio

_saving = set()

EXPECT = "ack() was called"


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    try:
        await asyncio.shield(saving)
    except asyncio.CancelledError:
        await ack()
        raise
    await ack()
