"""Tail: a command's output, line by line, as it is printed (reference solution)."""

import asyncio
from collections.abc import AsyncIterator


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    """Yield the lines ``cmd`` prints, as they come; kill and reap it if stopped early."""
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        # A StreamReader iterates line by line, each line as soon as it has arrived.
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        # Reached too when the consumer breaks out and the generator is closed (aclose()).
        if proc.returncode is None:
            proc.kill()
            await proc.wait()  # reap it: no zombie, no unclosed transport
