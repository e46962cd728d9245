"""Wrong: kills the child only on GeneratorExit or CancelledError, not in a finally: when the
reading itself fails (a line longer than the reader's limit, bytes that are not UTF-8) the
error leaves the generator and the child runs on."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "was still running after the error had left tail()"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    except (GeneratorExit, asyncio.CancelledError):
        # The consumer stopped early (break + aclose, or a cancellation): stop the child.
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        raise
