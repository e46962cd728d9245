"""Correct in another style: `limit` workers take command indexes from a queue."""

import asyncio


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    codes = [0] * len(cmds)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(len(cmds)):
        queue.put_nowait(i)

    async def worker() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            proc = await asyncio.create_subprocess_exec(*cmds[i])
            codes[i] = await proc.wait()

    async with asyncio.TaskGroup() as group:
        for _ in range(min(limit, len(cmds))):
            group.create_task(worker())
    return codes
