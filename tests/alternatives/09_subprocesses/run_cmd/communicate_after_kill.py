"""Correct: wait_for around communicate(); on timeout kill, then communicate() again to reap."""

import asyncio


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.communicate()  # drains what is left and waits: the child is reaped
        raise TimeoutError(f"{cmd[0]} ran longer than {timeout} s") from None
    except asyncio.CancelledError:
        proc.kill()
        await proc.communicate()
        raise
    return proc.returncode, out, err
