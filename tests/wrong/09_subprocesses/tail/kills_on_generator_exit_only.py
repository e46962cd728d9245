"""Wrong: kills the child only on GeneratorExit: a cancelled consumer leaves it running."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "was cancelled while it waited"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    """Yield the lines ``cmd`` prints, as they come; kill and reap it if stopped early."""
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    except GeneratorExit:
        proc.kill()
        await proc.wait()
        raise
