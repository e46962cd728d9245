"""Wrong: runs " ".join(cmd) through a shell, so arguments holding spaces or quotes fall apart."""

import asyncio

EXPECT = "not the codes the commands exit with"


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    slots = asyncio.Semaphore(limit)

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            proc = await asyncio.create_subprocess_shell(" ".join(cmd))
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
