"""Wrong: walks ids twice (once to count, once to ask), so a generator yields nothing the second time."""

EXPECT = "a generator can be walked only once"


async def total_price(get_price, ids) -> int:
    if not any(True for _ in ids):
        return 0
    return sum([await get_price(i) for i in ids])
