"""Wrong: acknowledges from the save's done callback, so a cancelled caller's save is acked."""

import asyncio

EXPECT = "still running"

_saving = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)

    def done(task):
        _saving.discard(task)
        if not task.cancelled() and task.exception() is None:
            acking = asyncio.ensure_future(ack())
            _saving.add(acking)
            acking.add_done_callback(_saving.discard)

    saving.add_done_callback(done)
    await asyncio.shield(saving)
