"""Wrong: empties the caller's list while summing (and cannot pop a generator)."""

EXPECT = "after total_price"


async def total_price(get_price, ids) -> int:
    total = 0
    ids = list(ids) if not isinstance(ids, list) else ids
    while ids:
        total += await get_price(ids.pop())
    return total
