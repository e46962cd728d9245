"""Wrong: awaits the future through asyncio.shield and passes future.set_result and
future.set_exception as the callbacks, unguarded: after a cancel the future is still
pending, so a late on_ok sets it and a late on_err then raises InvalidStateError."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "the late on_ok before it had set its result"


def callback_api(
    arg: int, on_ok: Callable[[Any], object], on_err: Callable[[BaseException], object]
) -> None:
    """A callback-style API (given): one second later, report `arg * 2`, or an error if < 0."""
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    future = asyncio.get_running_loop().create_future()
    callback_api(arg, future.set_result, future.set_exception)
    return await asyncio.shield(future)
