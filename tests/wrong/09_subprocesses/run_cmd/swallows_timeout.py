"""Wrong: kills and reaps the child on timeout, then returns instead of raising."""

import asyncio

EXPECT = "expected it to raise TimeoutError"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            out, err = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return proc.returncode, b"", b""
    return proc.returncode, out, err
