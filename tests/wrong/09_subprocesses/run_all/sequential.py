"""Wrong: awaits each command before starting the next."""

import asyncio

EXPECT = "one at a time"


async def run_all(cmds, limit):
    codes = []
    for cmd in cmds:
        proc = await asyncio.create_subprocess_exec(*cmd)
        codes.append(await proc.wait())
    return codes
