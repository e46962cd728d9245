"""Wrong: sorts the caller's list of ids in place to ask in a stable order, changing it."""

EXPECT = "after total_price"


async def total_price(get_price, ids) -> int:
    ids = ids if isinstance(ids, list) else list(ids)
    ids.sort(key=str)  # ask in a stable order
    total = 0
    for i in ids:
        total += await get_price(i)
    return total
