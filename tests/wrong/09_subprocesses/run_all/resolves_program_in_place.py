"""Wrong: replaces each command's program by its full path in place (`cmd[0] =
shutil.which(cmd[0])`): the caller's commands come back changed."""

import asyncio
import shutil

EXPECT = "run_all changed a command inside cmds"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    # One semaphore shared by all: at most `limit` holders, so at most `limit` children.
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:  # held from before the start until after the exit
            cmd[0] = shutil.which(cmd[0]) or cmd[0]  # the program's full path
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()  # awaiting lets the other children run meanwhile

    # gather runs them concurrently and returns the results in the order of cmds.
    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
