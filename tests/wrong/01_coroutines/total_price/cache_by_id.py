"""Wrong: caches prices in a dict keyed by id, then sums the dict: repeated ids count once."""

EXPECT = "its price counts twice"


async def total_price(get_price, ids) -> int:
    prices = {}
    for i in ids:
        if i not in prices:
            prices[i] = await get_price(i)
    return sum(prices.values())
