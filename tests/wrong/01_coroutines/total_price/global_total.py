"""Wrong: keeps the running total in a module-level global, reset at the start of each call, so two calls at once add into each other's total."""

EXPECT = "Each call adds up its own prices"

_total = 0


async def total_price(get_price, ids):
    global _total
    _total = 0
    for i in ids:
        price = await get_price(i)
        _total = _total + price
    return _total
