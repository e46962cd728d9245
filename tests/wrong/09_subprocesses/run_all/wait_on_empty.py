"""Wrong: asyncio.wait() on the tasks: it raises ValueError when there are no commands."""

import asyncio

EXPECT = "run_all([], 3)"


async def run_all(cmds, limit):
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd):
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    tasks = [asyncio.create_task(run_one(cmd)) for cmd in cmds]
    await asyncio.wait(tasks)
    return [task.result() for task in tasks]
