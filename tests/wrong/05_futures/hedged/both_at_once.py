"""Wrong: starts primary and backup at once and races them."""

import asyncio

EXPECT = "start the backup only if"


async def hedged(primary, backup, after):
    tasks = {asyncio.ensure_future(primary()), asyncio.ensure_future(backup())}
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
