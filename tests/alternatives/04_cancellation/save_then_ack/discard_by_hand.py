"""Correct in another style: no done callback; the task is dropped by hand on each way out
(at once when the save ended, or when it ends if the caller was cancelled first)."""

import asyncio

_pending = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _pending.add(saving)
    try:
        await asyncio.shield(saving)
    except asyncio.CancelledError:
        if saving.done():
            _pending.discard(saving)
        else:
            saving.add_done_callback(_pending.discard)
        raise
    except BaseException:
        _pending.discard(saving)
        raise
    _pending.discard(saving)
    await ack()
