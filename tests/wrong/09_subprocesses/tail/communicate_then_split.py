"""Wrong: communicate() then split: every line comes out only when the command has ended."""

import asyncio

EXPECT = "as they are printed"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        out, _ = await proc.communicate()
        for line in out.decode().splitlines():
            yield line
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
