"""Wrong: deals the commands out to `limit` fixed lanes (cmds[k::limit]), each lane running its
share in turn: a lane that has finished never takes a command queued behind a slow one."""

import asyncio

EXPECT = "did not take the slot the second freed"


async def run_all(cmds, limit):
    codes = [0] * len(cmds)

    async def lane(k):
        for i in range(k, len(cmds), limit):
            proc = await asyncio.create_subprocess_exec(*cmds[i])
            codes[i] = await proc.wait()

    await asyncio.gather(*(lane(k) for k in range(limit)))
    return codes
