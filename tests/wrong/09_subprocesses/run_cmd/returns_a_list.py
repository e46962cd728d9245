"""Wrong: returns a list [returncode, stdout, stderr], not a tuple."""

import asyncio

EXPECT = "expected a tuple (returncode, stdout_bytes, stderr_bytes)"


async def run(cmd: list[str], timeout: float) -> list[object]:
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            out, err = await proc.communicate()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    return [proc.returncode, out, err]
