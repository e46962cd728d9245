"""Wrong: catches the CancelledError of a cancelled consumer, kills and reaps the child, then
returns: the consumer's `async for` ends as if the output had ended, and the consumer is
never cancelled."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "it was never cancelled"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    except asyncio.CancelledError:
        return  # cancelled: just stop (finally cleans up)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
