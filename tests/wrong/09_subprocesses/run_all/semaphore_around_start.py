"""Wrong: holds the semaphore only while starting the child, not until it exits."""

import asyncio

EXPECT = "at most 2"


async def run_all(cmds, limit):
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd):
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
        return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
