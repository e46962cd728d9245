"""Wrong: on_err sets the exception as the future's result, so it is returned, not raised."""

import asyncio

EXPECT = "should raise"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    future = asyncio.get_running_loop().create_future()

    def settle(value):
        if not future.done():
            future.set_result(value)

    callback_api(arg, settle, settle)
    return await future
