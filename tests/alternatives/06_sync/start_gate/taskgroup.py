"""Correct in another style: a TaskGroup of workers writing into a shared list."""

import asyncio


async def start_gate(n, go, work):
    starts = [None] * n

    async def worker(i):
        await go.wait()
        starts[i] = asyncio.get_running_loop().time()
        await work(i)

    async with asyncio.TaskGroup() as group:
        for i in range(n):
            group.create_task(worker(i))
    return starts
