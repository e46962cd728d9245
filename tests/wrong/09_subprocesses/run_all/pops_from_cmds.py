"""Wrong: `limit` workers pop commands from the caller's list itself: run_all returns the right
codes but leaves the caller's cmds empty."""

import asyncio

EXPECT = "run_all changed it"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    total = len(cmds)
    codes = [0] * total

    async def worker() -> None:
        while cmds:
            index = total - len(cmds)
            cmd = cmds.pop(0)
            proc = await asyncio.create_subprocess_exec(*cmd)
            codes[index] = await proc.wait()

    await asyncio.gather(*(worker() for _ in range(limit)))
    return codes
