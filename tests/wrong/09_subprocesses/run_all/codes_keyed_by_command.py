"""Wrong: keeps the exit codes in a dict keyed by the command, so two equal commands share one code."""

import asyncio

EXPECT = "the same command twice"


async def run_all(cmds, limit):
    slots = asyncio.Semaphore(limit)
    codes = {}

    async def run_one(cmd):
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            codes[tuple(cmd)] = await proc.wait()

    async with asyncio.TaskGroup() as tg:
        for cmd in cmds:
            tg.create_task(run_one(cmd))
    return [codes[tuple(cmd)] for cmd in cmds]
