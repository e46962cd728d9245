"""Wrong: counts the running commands and polls the counter with asyncio.sleep(0.05) while it
is at `limit`: a command starts up to 50 ms after a slot frees, not as soon as it frees."""

import asyncio

EXPECT = "it waited for a free slot by polling"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    running = 0

    async def run_one(cmd: list[str]) -> int:
        nonlocal running
        while running >= limit:
            await asyncio.sleep(0.05)
        running += 1
        try:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()
        finally:
            running -= 1

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
