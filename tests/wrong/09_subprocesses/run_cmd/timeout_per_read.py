"""Wrong: applies the timeout to each read, so a child that keeps printing never times out."""

import asyncio

EXPECT = "had not raised TimeoutError after 3 s: `timeout` bounds the whole run"


async def run(cmd, timeout):
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )

    async def pump(stream):
        data = b""
        while chunk := await asyncio.wait_for(stream.read(65536), timeout):
            data += chunk
        return data

    try:
        out, err = await asyncio.gather(pump(proc.stdout), pump(proc.stderr))
        await asyncio.wait_for(proc.wait(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return proc.returncode, out, err
