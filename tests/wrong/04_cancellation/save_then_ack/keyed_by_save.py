"""Wrong: keeps each shielded save in a module-level dict keyed by id(save): two calls with
the same save callable overwrite each other's entry, and the first save is no longer held."""

import asyncio

EXPECT = "even when two calls share the same save callable"

_saving = {}


async def save_then_ack(save, ack):
    key = id(save)
    saving = asyncio.ensure_future(save())
    _saving[key] = saving
    saving.add_done_callback(lambda _: _saving.pop(key, None))
    await asyncio.shield(saving)
    await ack()
