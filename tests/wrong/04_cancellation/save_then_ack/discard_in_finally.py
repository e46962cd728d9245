"""Wrong: drops the reference in `finally`, which runs as soon as the caller is cancelled,
while the save is still running: nothing holds it any more."""

import asyncio

EXPECT = "its task was garbage-collected half-way"

_saving = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    try:
        await asyncio.shield(saving)
    finally:
        _saving.discard(saving)
    await ack()
