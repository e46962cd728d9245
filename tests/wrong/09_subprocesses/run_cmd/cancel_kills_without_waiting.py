"""Wrong: on a cancellation it kills the child but lets the CancelledError out at once,
without waiting for the child: run() ends while the child is still dying, never reaped by it."""

import asyncio

EXPECT = "run() did not wait for it to end"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    # exec, not shell: each list item reaches the program as one argument, untouched.
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(timeout):
            stdout, stderr = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    except asyncio.CancelledError:
        proc.kill()  # cancelled: stop it, and go (no time to wait)
        raise
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
