"""Correct in another style: the blocking subprocess.run in worker threads, under a semaphore."""

import asyncio
import subprocess


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            # to_thread: the blocking call runs in a thread, the loop stays free.
            done = await asyncio.to_thread(subprocess.run, cmd, check=False)
            return done.returncode

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(run_one(cmd)) for cmd in cmds]
    return [task.result() for task in tasks]
