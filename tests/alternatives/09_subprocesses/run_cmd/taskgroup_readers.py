"""Correct in another style: two reader tasks and the wait in a TaskGroup under a deadline;
a finally block kills and reaps whatever stopped run() (a timeout or a cancellation)."""

import asyncio
from asyncio.subprocess import PIPE


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdin=asyncio.subprocess.DEVNULL, stdout=PIPE, stderr=PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    deadline = asyncio.get_running_loop().time() + timeout
    try:
        async with asyncio.timeout_at(deadline), asyncio.TaskGroup() as group:
            out = group.create_task(proc.stdout.read())
            err = group.create_task(proc.stderr.read())
            code = group.create_task(proc.wait())
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    return code.result(), out.result(), err.result()
