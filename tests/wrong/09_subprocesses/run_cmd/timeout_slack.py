"""Wrong: adds half a second of slack to the timeout "for the interpreter's start-up": a
command that runs longer than `timeout` (but less than timeout + 0.5 s) is not stopped and
its result is returned instead of TimeoutError."""

import asyncio

EXPECT = "the command ran longer than `timeout`"

STARTUP_SLACK = 0.5


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout + STARTUP_SLACK):
            stdout, stderr = await proc.communicate()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
