"""Correct in another style: tasks put their answers on a queue; the caller reads them."""

import asyncio


async def first_match(sources, pred):
    answers = asyncio.Queue()

    async def ask(source):
        await answers.put(await source())

    tasks = [asyncio.create_task(ask(source)) for source in sources]
    try:
        for _ in tasks:
            value = await answers.get()
            if pred(value):
                return value
        return None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
