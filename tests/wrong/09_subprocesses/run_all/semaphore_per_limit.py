"""Wrong: keeps one semaphore per limit at module level, so two calls with the same limit
running at the same time share their slots: each runs fewer commands than it allows."""

import asyncio

EXPECT = "never started while the first held its slot"

_SLOTS: dict[int, asyncio.Semaphore] = {}


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    slots = _SLOTS.setdefault(limit, asyncio.Semaphore(limit))  # made once per limit

    async def run_one(cmd: list[str]) -> int:
        async with slots:
            proc = await asyncio.create_subprocess_exec(*cmd)
            return await proc.wait()

    return list(await asyncio.gather(*(run_one(cmd) for cmd in cmds)))
