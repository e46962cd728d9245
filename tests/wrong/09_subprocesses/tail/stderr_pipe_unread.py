"""Wrong: also pipes stderr (stderr=PIPE) but never reads it: a command that writes more than
the pipe and asyncio's buffer hold to stderr stalls, and its next stdout line never comes."""

import asyncio

EXPECT = "went into a pipe that nobody read"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
