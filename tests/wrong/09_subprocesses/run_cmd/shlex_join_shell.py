"""Wrong: quotes the list with shlex.join and runs it through a shell (the shell, not run(), is the child)."""

import asyncio
import shlex

EXPECT = "its parent process was 'sh', not your program"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_shell(
        shlex.join(cmd), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            out, err = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return proc.returncode, out, err
