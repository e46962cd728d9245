"""Wrong: caps the workers at the number of CPUs ("no point in more"): with limit 5 on a
2-core machine only 2 commands ever run at once, though 5 slots are free."""

import asyncio
import os

EXPECT = "never all ran at the same time"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    slots = asyncio.Semaphore(min(limit, os.cpu_count() or 1))

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
