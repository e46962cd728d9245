"""Correct in another style: a loop.call_later timer kills the child and notes it; communicate()
then returns, and the note (not the -9) turns the run into a TimeoutError.
"""

import asyncio
import contextlib


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    timed_out = False

    def expire():
        nonlocal timed_out
        if proc.returncode is None:
            timed_out = True
            proc.kill()

    timer = asyncio.get_running_loop().call_later(timeout, expire)
    try:
        out, err = await proc.communicate()
    finally:
        timer.cancel()
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
    if timed_out:
        raise TimeoutError(f"{cmd[0]} ran longer than {timeout} s")
    return proc.returncode, out, err
