"""Correct in another style: read() chunks into a buffer, split whole lines out of it, and
decode each whole line; the rest at EOF is the last line."""

import asyncio
from collections.abc import AsyncIterator


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    """Yield the lines ``cmd`` prints, as they come; kill and reap it if stopped early."""
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    pending = b""
    try:
        while chunk := await proc.stdout.read(4096):
            pending += chunk
            *whole, pending = pending.split(b"\n")
            for line in whole:
                yield line.decode()
        if pending:
            yield pending.decode()
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
