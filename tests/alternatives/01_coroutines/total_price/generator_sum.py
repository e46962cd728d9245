"""Correct in another style: an async comprehension inside sum()."""


async def total_price(get_price, ids) -> int:
    return sum([await get_price(i) for i in ids])
