"""Wrong: quotes each command with shlex.join and runs it through a shell: the arguments
arrive intact, but the shell is the child, and the command its grandchild."""

import asyncio
import shlex

EXPECT = "as its parent, not your program"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    # One semaphore shared by all: at most `limit` holders, so at most `limit` children.
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:  # held from before the start until after the exit
            proc = await asyncio.create_subprocess_shell(shlex.join(cmd))
            return await proc.wait()  # awaiting lets the other children run meanwhile

    # gather runs them concurrently and returns the results in the order of cmds.
    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
