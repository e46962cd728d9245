"""Wrong: hands future.set_result straight to the API, so a late callback raises."""

import asyncio

EXPECT = "late callback must be ignored"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    future = asyncio.get_running_loop().create_future()
    callback_api(arg, future.set_result, future.set_exception)
    return await future
