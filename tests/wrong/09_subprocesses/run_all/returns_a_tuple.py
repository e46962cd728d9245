"""Wrong: returns the exit codes as a tuple, not a list."""

import asyncio

EXPECT = "a tuple; expected the list [3, 0, 1, 2]"


async def run_all(cmds: list[list[str]], limit: int) -> tuple[int, ...]:
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return tuple(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
