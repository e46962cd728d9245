"""Wrong: collects exit codes in the order the commands finish."""

import asyncio

EXPECT = "in the order of cmds"


async def run_all(cmds, limit):
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd):
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return [await f for f in asyncio.as_completed([run_one(c) for c in cmds])]
