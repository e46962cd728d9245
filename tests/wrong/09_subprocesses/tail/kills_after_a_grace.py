"""Wrong: when the output ends it waits one second for the child, then kills it (a grace)."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "stopped the command once its output ended"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        try:
            await asyncio.wait_for(proc.wait(), 1.0)
        except TimeoutError:
            pass  # finally kills it
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
