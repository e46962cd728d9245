"""Wrong: on timeout stops the child with terminate(), then waits: a child that ignores SIGTERM never ends."""

import asyncio

EXPECT = "ignores SIGTERM"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            out, err = await proc.communicate()
    except TimeoutError:
        proc.terminate()  # ask it to stop
        await proc.wait()
        raise
    return proc.returncode, out, err
