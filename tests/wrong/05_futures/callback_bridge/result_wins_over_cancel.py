"""Wrong: when the caller is cancelled in the loop step its callback fired, it catches the
CancelledError and returns the result the future already holds, swallowing the cancellation."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "instead of ending with CancelledError"


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
    future = asyncio.get_running_loop().create_future()

    def on_ok(result: Any) -> None:
        # A late callback (the caller was cancelled, so the future is done) does nothing.
        if not future.done():
            future.set_result(result)

    def on_err(error: BaseException) -> None:
        if not future.done():
            future.set_exception(error)

    callback_api(arg, on_ok, on_err)
    # Sleeps until a callback resolves the future: no polling, no wasted wake-ups.
    try:
        return await future
    except asyncio.CancelledError:
        if future.done() and not future.cancelled() and future.exception() is None:
            return future.result()
        raise
