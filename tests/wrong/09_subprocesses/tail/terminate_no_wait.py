"""Wrong: terminates the child when closed early but never reaps it."""

import asyncio

EXPECT = "`await proc.wait()`"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.terminate()
