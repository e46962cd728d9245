"""Wrong: no try/finally: closing the generator early leaves the child running."""

import asyncio

EXPECT = "still running"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    async for line in proc.stdout:
        yield line.decode().rstrip("\n")
    await proc.wait()
