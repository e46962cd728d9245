"""Wrong: the save's task is held by a local variable only; once the cancelled caller is
gone, nothing keeps the task alive and a garbage collection destroys it half-way."""

import asyncio

EXPECT = "its task was garbage-collected half-way"


async def save_then_ack(save, ack):
    saving = asyncio.create_task(save())
    await asyncio.shield(saving)
    await ack()
