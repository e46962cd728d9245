"""Wrong: adds every save's task to a set and never takes it out: the set grows with every
call, holding each finished task and its result for good."""

import asyncio

EXPECT = "what you keep of pending saves only grows"

_saving = set()


async def save_then_ack(save, ack):
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    await asyncio.shield(saving)
    await ack()
