"""Wrong: reads lines only `while proc.returncode is None`: the lines still in the pipe when the command exits are never yielded."""

import asyncio
from collections.abc import AsyncIterator

EXPECT = "the lines a command printed stay in the pipe"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        while proc.returncode is None:
            line = await proc.stdout.readline()
            if not line:
                break
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
