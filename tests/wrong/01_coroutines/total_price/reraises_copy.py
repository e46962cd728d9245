"""Wrong: catches a failed price and raises a new exception of the same type."""

EXPECT = "raised a new PriceError"


async def total_price(get_price, ids) -> int:
    total = 0
    for i in ids:
        try:
            total += await get_price(i)
        except Exception as exc:  # noqa: BLE001
            raise type(exc)(f"price of {i!r} failed: {exc}") from None
    return total
