"""Wrong: reads stdout to its end, then stderr: a child that fills the stderr pipe first deadlocks."""

import asyncio

EXPECT = "filled the stderr pipe"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            # read both pipes (while the child runs), then wait for the exit
            out = await proc.stdout.read()
            err = await proc.stderr.read()
            code = await proc.wait()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return code, out, err
