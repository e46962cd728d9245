"""Wrong: catches a failed fetch and raises a new exception of the same type."""

import asyncio

EXPECT = "raised a new FetchError"


async def fetch_all(ids, fetch):
    try:
        return await asyncio.gather(*(fetch(i) for i in ids))
    except Exception as exc:  # noqa: BLE001
        raise type(exc)(*exc.args) from None
