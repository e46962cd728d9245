"""Correct in another style: create every task first, then await them in input order."""

import asyncio


async def fetch_all(ids, fetch) -> list:
    tasks = [asyncio.create_task(fetch(i)) for i in ids]
    return [await task for task in tasks]
