"""Correct in another style: the loop acquires a slot before it creates each command's task,
and the task gives the slot back when its command has exited."""

import asyncio


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        try:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()
        finally:
            slots.release()

    tasks = []
    for cmd in cmds:
        await slots.acquire()  # waits here until one of the running commands exits
        tasks.append(asyncio.create_task(run_one(cmd)))
    return [await task for task in tasks]
