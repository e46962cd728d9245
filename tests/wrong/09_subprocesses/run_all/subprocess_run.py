"""Wrong: subprocess.run() inside a coroutine blocks the event loop: one command at a time."""

import asyncio
import subprocess

EXPECT = "blocks the whole loop"


async def run_all(cmds, limit):
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd):
        async with slots:
            return subprocess.run(cmd).returncode

    return await asyncio.gather(*(run_one(c) for c in cmds))
