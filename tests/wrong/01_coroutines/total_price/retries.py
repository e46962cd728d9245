"""Wrong: retries a failing get_price up to 3 times before letting the exception out."""

EXPECT = "asked get_price('pear') 3 times"


async def _price(get_price, i):
    for attempt in range(3):
        try:
            return await get_price(i)
        except Exception:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def total_price(get_price, ids):
    total = 0
    for i in ids:
        total += await _price(get_price, i)
    return total
