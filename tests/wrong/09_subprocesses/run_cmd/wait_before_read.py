"""Wrong: waits for the exit before reading: deadlocks once the output fills the pipe."""

import asyncio

EXPECT = "pipe buffer"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        await asyncio.wait_for(proc.wait(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return proc.returncode, await proc.stdout.read(), await proc.stderr.read()
