"""Correct in another style: tasks started in a dict comprehension, summed as they finish."""

import asyncio


async def total_price(get_price, ids) -> int:
    tasks = [asyncio.ensure_future(get_price(i)) for i in ids]
    try:
        return sum([await t for t in asyncio.as_completed(tasks)])
    finally:
        for t in tasks:
            t.cancel()
