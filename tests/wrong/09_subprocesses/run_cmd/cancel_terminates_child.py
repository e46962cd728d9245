"""Wrong: on timeout it kills the child, but when run() is cancelled it only terminate()s it
("be gentle on a cancel") and waits: a child that ignores SIGTERM keeps the cancelled run()
waiting for ever."""

import asyncio

EXPECT = "does not stop it and `await proc.wait()` waits for ever. On a cancellation"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    except asyncio.CancelledError:
        proc.terminate()
        await proc.wait()
        raise
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
