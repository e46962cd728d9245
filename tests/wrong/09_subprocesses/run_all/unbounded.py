"""Wrong: starts every command at once, ignoring the limit."""

import asyncio

EXPECT = "at most 2"


async def run_all(cmds, limit):
    async def run_one(cmd):
        proc = await asyncio.create_subprocess_exec(*cmd)
        return await proc.wait()

    return await asyncio.gather(*(run_one(c) for c in cmds))
