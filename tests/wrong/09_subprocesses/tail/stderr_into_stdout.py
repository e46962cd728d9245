"""Wrong: merges stderr into stdout (stderr=STDOUT): the command's error messages come out as
lines, though only the lines of its stdout are asked for."""

import asyncio

EXPECT = "yield the lines of stdout only"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
