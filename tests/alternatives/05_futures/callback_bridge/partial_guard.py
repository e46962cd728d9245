"""Correct in another style: one guarded setter, bound with functools.partial."""

import asyncio
import functools


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


def _settle(future, method, value):
    if not future.cancelled() and not future.done():
        getattr(future, method)(value)


async def call_api(arg):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    callback_api(
        arg,
        functools.partial(_settle, future, "set_result"),
        functools.partial(_settle, future, "set_exception"),
    )
    return await future
