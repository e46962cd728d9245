"""Wrong: in finally, reads the rest of the output with communicate() instead of killing the
child: closing the generator early waits until the command ends by itself."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "reading the rest of its output (communicate())"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
    finally:
        await proc.communicate()
