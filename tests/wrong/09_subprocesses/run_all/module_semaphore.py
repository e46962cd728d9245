"""Wrong: one module-level semaphore, made with the `limit` of the first call and shared by every later call, so a second call with a smaller limit runs more commands at once than it allows."""

import asyncio

EXPECT = "the second call"

_SLOTS = None


async def run_all(cmds, limit):
    global _SLOTS
    if _SLOTS is None:
        _SLOTS = asyncio.Semaphore(limit)

    async def run_one(cmd):
        async with _SLOTS:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
