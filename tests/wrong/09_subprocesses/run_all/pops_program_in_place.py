"""Wrong: takes each command's program off the command in place (`program = cmd.pop(0)`),
so the caller's commands come back without their programs."""

import asyncio

EXPECT = "run_all changed a command inside cmds"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            program = cmd.pop(0)
            proc = await asyncio.create_subprocess_exec(program, *cmd)
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
