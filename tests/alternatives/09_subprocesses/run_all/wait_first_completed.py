"""Correct in another style: no semaphore; at `limit` running commands, asyncio.wait for the
first to exit before starting the next."""

import asyncio


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    waits: list[asyncio.Task[int]] = []
    running: set[asyncio.Task[int]] = set()
    for cmd in cmds:
        if len(running) >= limit:
            _, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        proc = await asyncio.create_subprocess_exec(*cmd)
        waits.append(asyncio.create_task(proc.wait()))
        running.add(waits[-1])
    return [await task for task in waits]
