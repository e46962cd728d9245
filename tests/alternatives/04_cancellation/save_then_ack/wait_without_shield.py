"""Correct in another style: asyncio.wait on a task held in a set (wait never cancels the task
it waits for, and raises CancelledError at once when the caller is cancelled)."""

import asyncio

_background: set[asyncio.Task] = set()


async def save_then_ack(save, ack):
    saving = asyncio.create_task(save())
    _background.add(saving)
    saving.add_done_callback(_background.discard)
    await asyncio.wait([saving])
    saving.result()  # the save's error, if it failed
    await ack()
