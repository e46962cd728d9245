"""Wrong: puts each exit code at `cmds.index(cmd)`: two equal commands both land on the first
one's position, and the second position keeps its placeholder 0."""

import asyncio

EXPECT = "A position held 0, a code neither run gave"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    slots = asyncio.Semaphore(limit)
    codes = [0] * len(cmds)

    async def run_one(cmd: list[str]) -> None:
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            codes[cmds.index(cmd)] = await proc.wait()

    await asyncio.gather(*(run_one(cmd) for cmd in cmds))
    return codes
