"""Wrong: on_ok checks future.done(), on_err does not: a late error callback raises."""

import asyncio

EXPECT = "late on_err callback"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    future = asyncio.get_running_loop().create_future()

    def on_ok(result):
        if not future.done():
            future.set_result(result)

    callback_api(arg, on_ok, future.set_exception)
    return await future
