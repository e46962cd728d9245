"""Wrong: takes a save that failed with a ConnectionError or TimeoutError for a hiccup and saves again (up to 3 attempts), so that error does not propagate at once."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "whatever the error (a dropped connection or a timeout too)"

_saving: set[asyncio.Future[Any]] = set()


async def save_then_ack(
    save: Callable[[], Awaitable[Any]], ack: Callable[[], Awaitable[Any]]
) -> None:
    """Run save() shielded from cancellation; then, if it finished, ack()."""
    for attempt in range(3):
        saving = asyncio.ensure_future(save())
        _saving.add(saving)
        saving.add_done_callback(_saving.discard)
        try:
            await asyncio.shield(saving)
        except (ConnectionError, TimeoutError):
            if attempt == 2:
                raise
            continue  # a dropped connection: try the save again
        break
    await ack()
