"""Wrong: keeps the save's task in a weakref.WeakSet, which holds no strong reference: once
the caller is cancelled nothing keeps the task alive."""

import asyncio
import weakref

EXPECT = "a local variable or a WeakSet does not keep it alive"

_saving = weakref.WeakSet()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    await asyncio.shield(saving)
    await ack()
