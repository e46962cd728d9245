"""Wrong: strips '\\r\\n' from each line, eating a carriage return that is part of it."""

import asyncio

EXPECT = "also eat the carriage return"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        async for line in proc.stdout:
            yield line.decode().rstrip("\r\n")
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
