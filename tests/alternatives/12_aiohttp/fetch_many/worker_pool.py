"""Correct in another style: `limit` workers take (index, url) pairs from a queue."""

import asyncio

import aiohttp


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
    for item in enumerate(urls):
        queue.put_nowait(item)
    results: list[dict] = [{}] * len(urls)

    async with aiohttp.ClientSession() as session:

        async def worker() -> None:
            while not queue.empty():
                index, url = queue.get_nowait()
                async with session.get(url) as response:
                    response.raise_for_status()
                    results[index] = await response.json()

        async with asyncio.TaskGroup() as group:
            for _ in range(min(limit, len(urls))):
                group.create_task(worker())
    return results
