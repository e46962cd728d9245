"""Wrong: treats a get_price that raises LookupError (an unknown id) as costing 0 instead of letting the exception out."""

EXPECT = "instead of raising that KeyError"


async def total_price(get_price, ids):
    total = 0
    for i in ids:
        try:
            total += await get_price(i)
        except LookupError:
            continue  # no price for that id: it costs nothing
    return total
