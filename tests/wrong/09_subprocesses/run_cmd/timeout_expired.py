"""Wrong: raises subprocess.TimeoutExpired, which is not a TimeoutError."""

import asyncio
import subprocess

EXPECT = "which is not a TimeoutError"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    # exec, not shell: each list item reaches the program as one argument, untouched.
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise subprocess.TimeoutExpired(cmd, timeout) from None
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
