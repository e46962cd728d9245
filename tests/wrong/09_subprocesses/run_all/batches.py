"""Wrong: runs the commands in fixed batches of `limit`: each batch waits for its slowest."""

import asyncio

EXPECT = "fixed batches of `limit`"


async def run_all(cmds, limit):
    async def run_one(cmd):
        proc = await asyncio.create_subprocess_exec(*cmd)
        return await proc.wait()

    codes = []
    for i in range(0, len(cmds), limit):
        codes += await asyncio.gather(*(run_one(cmd) for cmd in cmds[i : i + limit]))
    return codes
