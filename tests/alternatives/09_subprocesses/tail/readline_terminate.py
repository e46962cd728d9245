"""Correct in another style: readline() in a loop; stopped early, terminate politely, then
kill if it lingers."""

import asyncio
from collections.abc import AsyncIterator


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    """Yield the lines ``cmd`` prints, as they come; stop and reap it if stopped early."""
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        while line := await proc.stdout.readline():
            yield line.decode().rstrip("\n")
        await proc.wait()  # the output ended: the command may still be working
    finally:
        if proc.returncode is None:
            try:
                proc.terminate()  # SIGTERM: let it clean up
                await asyncio.wait_for(proc.wait(), 1.0)
            except TimeoutError:
                proc.kill()
        await proc.wait()
