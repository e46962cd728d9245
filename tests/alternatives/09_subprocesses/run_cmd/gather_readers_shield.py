"""Correct in another style: gather of both pipes' read() and wait() in a task, awaited through
wait_for(shield(task)); on a timeout or a cancel, kill, then await the task and reap.
"""

import asyncio


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )

    async def collect():
        out, err, code = await asyncio.gather(proc.stdout.read(), proc.stderr.read(), proc.wait())
        return code, out, err

    task = asyncio.ensure_future(collect())
    try:
        return await asyncio.wait_for(asyncio.shield(task), timeout)
    finally:
        if not task.done():
            task.cancel()
            try:
                proc.kill()
            except ProcessLookupError:
                pass
            await asyncio.wait([task])
            await proc.wait()
