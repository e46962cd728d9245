"""Wrong: acks in `finally` whenever the save is done and did not fail, so a caller cancelled in the save's last step still acks (and gets its CancelledError only after the ack)."""

import asyncio

EXPECT = "although the caller was cancelled while the save ran"

_saving: set[asyncio.Task] = set()


async def save_then_ack(save, ack) -> None:
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    try:
        await asyncio.shield(saving)
    finally:
        # Only a finished save may be acknowledged.
        if saving.done() and not saving.cancelled() and saving.exception() is None:
            await ack()
