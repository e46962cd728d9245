"""Correct in another style: a callable settler class, one sleep(0) before awaiting."""

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


class _Settler:
    """Callable that settles a future one way, once."""

    def __init__(self, future: asyncio.Future, settle: Callable[[Any], object]) -> None:
        self.future = future
        self.settle = settle  # future.set_result or future.set_exception

    def __call__(self, value: Any) -> None:
        if self.future.done():
            return
        self.settle(value)


async def call_api(arg: int) -> Any:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    callback_api(arg, _Settler(future, future.set_result), _Settler(future, future.set_exception))
    await asyncio.sleep(0)  # let the API register its timer before we park
    return await future
