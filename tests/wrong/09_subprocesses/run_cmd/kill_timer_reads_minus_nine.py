"""Wrong: a timer kills the child after `timeout`, and a returncode of -9 is read as "timed out":
a command that dies of SIGKILL by itself is reported as a timeout."""

import asyncio
import signal

EXPECT = "is how the command ended, not a sign that the timeout passed"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    timer = asyncio.get_running_loop().call_later(timeout, proc.kill)
    try:
        out, err = await proc.communicate()
    finally:
        timer.cancel()
    if proc.returncode == -signal.SIGKILL:
        raise TimeoutError
    assert proc.returncode is not None
    return proc.returncode, out, err
