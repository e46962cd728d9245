"""Wrong: uses None as "the save has not finished" and acks in `finally:` only when the result is
not None: a save that returns None (as most do) is never acknowledged."""

import asyncio

EXPECT = "What save() returns does not tell whether it finished"

_saving = set()


async def save_then_ack(save, ack):
    task = asyncio.create_task(save())
    _saving.add(task)
    task.add_done_callback(_saving.discard)
    result = None
    try:
        result = await asyncio.shield(task)
    finally:
        if result is not None:
            await ack()
