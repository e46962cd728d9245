"""Wrong: stops a slow (or cancelled) child politely: terminate() first, a grace of one
second, and kill() only if it is still running then: a child that ignores SIGTERM makes run()
a second late, on a timeout and on a cancellation alike."""

import asyncio

EXPECT = "the command received SIGTERM before it was stopped"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    # exec, not shell: each list item reaches the program as one argument, untouched.
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        # communicate() reads both pipes while waiting, so a chatty child never blocks.
        async with asyncio.timeout(timeout):
            stdout, stderr = await proc.communicate()
    finally:
        if proc.returncode is None:  # timed out (or we were cancelled): stop the child
            proc.terminate()  # ask first: let it clean up
            try:
                await asyncio.wait_for(proc.wait(), 1.0)
            except TimeoutError:
                proc.kill()
                await proc.wait()
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
