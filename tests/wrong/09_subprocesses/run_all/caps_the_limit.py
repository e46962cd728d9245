"""Wrong: caps the slots at a number of its own ("never more than 4 processes, to spare the
machine", or os.cpu_count() on a small one): with limit 5, five commands never all run at
once, though five slots are free."""

import asyncio

EXPECT = "never all ran at the same time"

MOST_AT_ONCE = 4  # whatever `limit` says


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    slots = asyncio.Semaphore(min(limit, MOST_AT_ONCE))

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
