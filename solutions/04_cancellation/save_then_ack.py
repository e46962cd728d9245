"""Shield the save: a cancellation must not cut a save in half (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

# Saves that may outlive their caller. The event loop keeps only weak references to tasks,
# so a shielded task whose caller was cancelled needs a strong reference until it is done.
_saving: set[asyncio.Future[Any]] = set()


async def save_then_ack(
    save: Callable[[], Awaitable[Any]], ack: Callable[[], Awaitable[Any]]
) -> None:
    """Run save() shielded from cancellation; then, if it finished, ack()."""
    saving = asyncio.ensure_future(save())
    _saving.add(saving)
    saving.add_done_callback(_saving.discard)
    # If our caller is cancelled now, shield() raises CancelledError here at once, but
    # does not pass the cancellation on to `saving`: the save runs on to its end.
    await asyncio.shield(saving)
    # Only reached when the save finished without error (and we were not cancelled).
    await ack()
