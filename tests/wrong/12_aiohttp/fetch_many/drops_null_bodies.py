"""Wrong: limit workers fill a list of None placeholders, and the Nones are filtered out at the
end: a JSON `null` body vanishes and shifts the later results.
"""

import asyncio

import aiohttp

EXPECT = "do not filter out the Nones"


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    results: list = [None] * len(urls)
    queue: asyncio.Queue = asyncio.Queue()
    for item in enumerate(urls):
        queue.put_nowait(item)

    async with aiohttp.ClientSession() as session:

        async def worker() -> None:
            while True:
                try:
                    index, url = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                async with session.get(url) as response:
                    response.raise_for_status()
                    results[index] = await response.json()

        await asyncio.gather(*(worker() for _ in range(limit)))
    return [body for body in results if body is not None]
