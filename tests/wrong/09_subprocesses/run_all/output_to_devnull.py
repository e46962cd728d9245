"""Wrong: reads "the commands' output is not needed" as "throw it away": stdout and stderr go to DEVNULL instead of the terminal."""

import asyncio

EXPECT = "let it go to the terminal"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            proc = await asyncio.create_subprocess_exec(
                *cmd, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
            )
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
