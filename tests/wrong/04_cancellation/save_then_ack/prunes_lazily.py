"""Wrong: drops finished tasks only at the start and end of each call, not when each save is
done: the save of a cancelled caller stays held after it is done, until some later call."""

import asyncio

EXPECT = "only when a later call came"

_saving = set()


def _prune():
    for task in [t for t in _saving if t.done()]:
        _saving.discard(task)


async def save_then_ack(save, ack):
    _prune()
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    try:
        await asyncio.shield(saving)
    finally:
        _prune()
    await ack()
