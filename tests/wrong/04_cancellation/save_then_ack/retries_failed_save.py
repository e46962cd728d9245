"""Wrong: retries a failed save twice more before letting its error out."""

import asyncio

EXPECT = "no retry"

_saving = set()


async def save_then_ack(save, ack):
    for attempt in range(3):
        saving = asyncio.ensure_future(save())
        _saving.add(saving)
        saving.add_done_callback(_saving.discard)
        try:
            await asyncio.shield(saving)
        except Exception:
            if attempt == 2:
                raise
            continue
        break
    await ack()
