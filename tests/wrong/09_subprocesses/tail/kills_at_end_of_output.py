"""Wrong: never waits for the child when its output ends: the finally block finds returncode
still None (nobody awaited proc.wait()) and kills a command that was about to finish."""

import asyncio

EXPECT = "stopped the command once its output ended"


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
