"""Callback bridge: turn a callback API into something you can `await`.

Old libraries report results through callbacks: `callback_api(arg, on_ok, on_err)` returns
at once and later calls `on_ok(result)` or `on_err(exception)` from the event loop.
Write `call_api(arg)`, a coroutine that calls `callback_api` and returns the result (or
raises the error) when the callback arrives:

1. create a future with `asyncio.get_running_loop().create_future()`;
2. pass `callback_api` two callbacks: one sets the future's result, the other its exception;
3. `await` the future.

Never poll (no `while ...: await asyncio.sleep(...)`): awaiting the future wakes you exactly
when the callback fires, however long that takes (put no time limit of your own on it).
Any value may come back, `None` included, and several calls may wait at the same time,
each for its own callback. If the caller is cancelled while waiting, `call_api` ends with
that CancelledError. And a callback can arrive late: if the caller was cancelled, the
future is already done (cancelled), and `set_result` on a done future raises
`InvalidStateError` inside somebody else's callback. A late callback must do nothing: check
`future.done()` first.

    >>> await call_api(21)        # one second later
    42
    >>> await call_api(-1)
    Traceback (most recent call last):
    ValueError: negative argument: -1

Key API: `loop.create_future()`, `future.set_result()`, `future.set_exception()`,
`future.done()`.

Grade it: nox -s grade -- callback_bridge
"""

import asyncio
from collections.abc import Callable
from typing import Any


def callback_api(
    arg: int, on_ok: Callable[[Any], object], on_err: Callable[[BaseException], object]
) -> None:
    """A callback-style API (given): one second later, report `arg * 2`, or an error if < 0."""
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg: int) -> Any:
    """Call `callback_api(arg, ...)` and return its result, or raise its error."""
    raise NotImplementedError("create a future, let the callbacks resolve it, await it")
