"""Correct in another style: readuntil(b'\\n'), with the IncompleteReadError's partial as the last
line.
"""

import asyncio


async def tail(cmd):
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)
    try:
        while True:
            try:
                line = await proc.stdout.readuntil(b"\n")
            except asyncio.IncompleteReadError as e:
                if e.partial:
                    yield e.partial.decode()
                break
            yield line[:-1].decode()
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
