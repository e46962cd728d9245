"""Wrong: in finally, kills the child whether or not it still runs (and never waits for it when
the output ends): killing a command that has already ended raises ProcessLookupError."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "kill only a command still running"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
    finally:
        proc.kill()
        await proc.wait()
