"""Wrong: a new Semaphore inside each command's coroutine limits nothing."""

import asyncio

EXPECT = "a semaphore created per command"


async def run_all(cmds, limit):
    async def run_one(cmd):
        async with asyncio.Semaphore(limit):
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return await asyncio.gather(*(run_one(c) for c in cmds))
