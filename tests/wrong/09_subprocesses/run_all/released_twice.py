"""Wrong: releases the semaphore twice per command, so the bound keeps growing."""

import asyncio

EXPECT = "at most 2"


async def run_all(cmds, limit):
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd):
        await slots.acquire()
        try:
            proc = await asyncio.create_subprocess_exec(*cmd)
            code = await proc.wait()
            slots.release()
            return code
        finally:
            slots.release()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
