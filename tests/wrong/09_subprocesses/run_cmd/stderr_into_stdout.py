"""Wrong: sends stderr into the stdout pipe, so the two streams come back mixed."""

import asyncio

EXPECT = "stderr=asyncio.subprocess.PIPE"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        async with asyncio.timeout(timeout):
            out, _ = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return proc.returncode, out, b""
