"""Wrong: connects stdout and stderr to pipes, then only wait()s: a command that prints 1 MB deadlocks."""

import asyncio

EXPECT = "nobody does, a deadlock"


async def run_all(cmds, limit):
    sem = asyncio.Semaphore(limit)

    async def one(cmd):
        async with sem:
            proc = await asyncio.create_subprocess_exec(
                *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
            )
            return await proc.wait()

    return list(await asyncio.gather(*(one(cmd) for cmd in cmds)))
