"""Wrong: drops the last character of each line, assuming every line ends with a newline."""

import asyncio

EXPECT = "may have no newline"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        async for line in proc.stdout:
            yield line.decode()[:-1]
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
