"""Wrong: keeps the future that shield() returns (the outer one) instead of the save's task:
the outer future is cancelled with the caller and does not hold the save."""

import asyncio

EXPECT = "its task was garbage-collected half-way"

_saving = set()


async def save_then_ack(save, ack):
    outer = asyncio.shield(save())
    _saving.add(outer)
    outer.add_done_callback(_saving.discard)
    await outer
    await ack()
