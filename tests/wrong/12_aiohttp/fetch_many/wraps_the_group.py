"""Wrong: catches the TaskGroup's ExceptionGroup and raises a RuntimeError from it: the caller
gets no aiohttp.ClientResponseError to catch (nor its status)."""

import asyncio

import aiohttp

EXPECT = "not wrapped in another exception"


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict:
            async with semaphore, session.get(url) as response:
                response.raise_for_status()
                return await response.json()

        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(fetch(url)) for url in urls]
        except* aiohttp.ClientResponseError as errors:
            raise RuntimeError("a request failed") from errors
        return [task.result() for task in tasks]
