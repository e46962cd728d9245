"""Wrong: on_err sets a copy of the error, `type(error)(*error.args)`, not the error itself."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "raised another KeyError object"


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
        if not future.done():
            future.set_result(result)

    def on_err(error: BaseException) -> None:
        if not future.done():
            future.set_exception(type(error)(*error.args))

    callback_api(arg, on_ok, on_err)
    return await future
