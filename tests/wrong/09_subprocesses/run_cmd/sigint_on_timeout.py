"""Wrong: stops a slow child with SIGINT (a Ctrl-C) instead of proc.kill(): a child that
ignores or handles SIGINT is never stopped, and run() waits for it for ever."""

import asyncio
import signal

EXPECT = "or a Ctrl-C, send_signal(SIGINT)) does not stop it"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            stdout, stderr = await proc.communicate()
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)  # like pressing Ctrl-C
            await proc.wait()
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
