"""Correct in another style: asyncio.wait_for around communicate(), kill and reap on timeout."""

import asyncio
from asyncio.subprocess import PIPE


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    proc = await asyncio.create_subprocess_exec(cmd[0], *cmd[1:], stdout=PIPE, stderr=PIPE)
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout)
    except (TimeoutError, asyncio.CancelledError):  # slow, or run() itself cancelled
        proc.kill()
        await proc.communicate()  # drains the pipes and reaps the child
        raise
    return proc.returncode or 0, stdout, stderr
