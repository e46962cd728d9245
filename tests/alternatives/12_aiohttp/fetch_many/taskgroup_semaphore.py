"""Correct in another style: a TaskGroup of tasks sharing one Semaphore; results by task."""

import asyncio

import aiohttp


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict:
            async with semaphore:
                response = await session.get(url, raise_for_status=True)
                async with response:
                    return await response.json()

        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(url)) for url in urls]
    return [task.result() for task in tasks]
