"""Wrong: calls asyncio.run inside a coroutine, where a loop already runs."""

import asyncio

EXPECT = "inside `async def`, just `await`"


async def total_price(get_price, ids) -> int:
    return sum(asyncio.run(get_price(i)) for i in ids)
