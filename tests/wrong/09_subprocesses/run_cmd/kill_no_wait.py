"""Wrong: kills the child on timeout but never waits for it, so it is not reaped."""

import asyncio

EXPECT = "proc.wait()"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            out, err = await proc.communicate()
    except TimeoutError:
        proc.kill()
        raise
    return proc.returncode, out, err
