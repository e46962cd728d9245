"""Correct in another style: as_completed over tasks that return (index, body), each body put
back at its index; the semaphore is taken and released by hand, in a try/finally."""

import asyncio

import aiohttp


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    """GET every URL on one session, at most ``limit`` at once; JSON bodies in input order."""
    gate = asyncio.Semaphore(limit)
    results: list[dict] = [{} for _ in urls]
    async with aiohttp.ClientSession() as session:

        async def one(index: int, url: str) -> tuple[int, dict]:
            await gate.acquire()
            try:
                async with session.get(url) as response:
                    response.raise_for_status()
                    return index, await response.json()
            finally:
                gate.release()

        tasks = [asyncio.create_task(one(i, url)) for i, url in enumerate(urls)]
        try:
            for next_done in asyncio.as_completed(tasks):
                index, body = await next_done
                results[index] = body
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    return results
