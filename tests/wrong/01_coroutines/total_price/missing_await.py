"""Wrong: adds up get_price(i) without await, i.e. coroutine objects."""

EXPECT = "created the coroutine get_price() but never awaited it"


async def total_price(get_price, ids) -> int:
    total = 0
    for i in ids:
        total += get_price(i)
    return total
