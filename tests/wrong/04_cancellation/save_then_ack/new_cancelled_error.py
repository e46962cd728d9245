"""Wrong: turns the caller's cancellation into a new CancelledError of its own: the caller's
cancel message (task.cancel("why")) is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"

_saving = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    try:
        await asyncio.shield(saving)
    except asyncio.CancelledError:
        raise asyncio.CancelledError("caller gone; save continues") from None
    await ack()
