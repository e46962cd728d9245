"""Wrong: waits for the callback with a generous time limit of its own (one day)."""

import asyncio

EXPECT = "put a time limit on the wait"


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

    def on_err(error):
        if not future.done():
            future.set_exception(error)

    callback_api(arg, on_ok, on_err)
    return await asyncio.wait_for(future, timeout=24 * 3600)
