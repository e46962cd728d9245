"""Wrong: stops a child still running with SIGINT (a Ctrl-C, as for ping) instead of
proc.kill(): a child that ignores or handles SIGINT is never stopped, and closing the
generator waits for it for ever."""

import asyncio
import signal
from collections.abc import AsyncIterator

EXPECT = "or a Ctrl-C, send_signal(SIGINT)), it never ends"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)  # what Ctrl-C does to ping
            await proc.wait()
