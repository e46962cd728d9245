"""Wrong: once the caller is cancelled, gives the orphaned save at most 60 more seconds and
then cancels it, instead of letting it run on to its end however long it takes."""

import asyncio

EXPECT = "after its caller was cancelled"

ORPHAN_LIMIT = 60.0
_saving = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    try:
        await asyncio.shield(saving)
    except asyncio.CancelledError:
        if not saving.done():
            watchdog = asyncio.get_running_loop().call_later(ORPHAN_LIMIT, saving.cancel)
            saving.add_done_callback(lambda _: watchdog.cancel())
        raise
    await ack()
