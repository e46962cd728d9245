"""Wrong: rounds the timeout to whole seconds, as if it were an int: with timeout 0.2 every
command is killed at once, before its 0.2 s have passed."""

import asyncio

EXPECT = "before its `timeout` had passed"


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    # exec, not shell: each list item reaches the program as one argument, untouched.
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        # communicate() reads both pipes while waiting, so a chatty child never blocks.
        async with asyncio.timeout(round(timeout)):
            stdout, stderr = await proc.communicate()
    finally:
        if proc.returncode is None:  # timed out (or we were cancelled): stop the child
            proc.kill()
            await proc.wait()  # reap it: no zombie left behind
    assert proc.returncode is not None
    return proc.returncode, stdout, stderr
