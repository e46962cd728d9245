"""Wrong: asks a fetch again when it raised TimeoutError (up to 3 times), taking a timeout for a hiccup, so that error is not let out at once."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "asked fetch('b') 3 times"


async def fetch_all(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list[Any]:
    """Run `fetch(i)` for every id concurrently; return the results in the order of `ids`."""

    async def one(i: Any) -> Any:
        for attempt in range(3):
            try:
                return await fetch(i)
            except TimeoutError:
                if attempt == 2:
                    raise
        return None

    return list(await asyncio.gather(*(one(i) for i in ids)))
