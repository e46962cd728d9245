"""Wrong: stops the child with terminate(), then waits: a child that ignores SIGTERM never ends."""

import asyncio

EXPECT = "This command ignores SIGTERM"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
