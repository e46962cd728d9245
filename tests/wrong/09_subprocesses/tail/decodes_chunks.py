"""Wrong: reads chunks of 4096 bytes and decodes each, so a character split between two writes breaks."""

import asyncio

EXPECT = "UnicodeDecodeError"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        buffer = ""
        while chunk := await proc.stdout.read(4096):
            buffer += chunk.decode()
            while "\n" in buffer:
                line, buffer = buffer.split("\n", 1)
                yield line
        if buffer:
            yield buffer
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
