"""Wrong: the callbacks schedule set_result with call_soon, unguarded: a late callback makes
set_result raise InvalidStateError on the loop."""

import asyncio

EXPECT = "scheduled work that then raised on the loop"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    callback_api(
        arg,
        lambda result: loop.call_soon(future.set_result, result),
        lambda error: loop.call_soon(future.set_exception, error),
    )
    return await future
