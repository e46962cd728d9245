"""Wrong: starts the command with stderr=DEVNULL "so that stderr cannot stall it": its error messages never reach the terminal."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "stderr=DEVNULL throws them away"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
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
