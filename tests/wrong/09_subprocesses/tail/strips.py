"""Wrong: strip() removes the spaces and tabs around each line, not only its newline."""

import asyncio

EXPECT = "strip() also eats spaces"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        async for line in proc.stdout:
            yield line.decode().strip()
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
