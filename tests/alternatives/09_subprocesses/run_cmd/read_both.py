"""Correct in another style: read both pipes concurrently, then wait, all under one deadline."""

import asyncio


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    try:
        async with asyncio.timeout(timeout):
            stdout, stderr = await asyncio.gather(proc.stdout.read(), proc.stderr.read())
            code = await proc.wait()
    except (TimeoutError, asyncio.CancelledError):  # slow, or run() itself cancelled
        proc.kill()
        await proc.wait()
        raise
    return code, stdout, stderr
