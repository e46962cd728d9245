"""Correct in another style: a reader task puts each line on a queue; the generator yields from
the queue; finally cancels the reader, kills a running child and reaps it."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

END = None


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    """Yield the lines ``cmd`` prints, as they come; kill and reap it if stopped early."""
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    stdout = proc.stdout
    lines: asyncio.Queue[bytes | None] = asyncio.Queue()

    async def read() -> None:
        try:
            while line := await stdout.readline():
                await lines.put(line)
        finally:
            lines.put_nowait(END)

    reader = asyncio.create_task(read())
    try:
        while (line := await lines.get()) is not END:
            yield line.decode().removesuffix("\n")
        await reader  # re-raises a read error, if any
        await proc.wait()
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
