"""Wrong: the callbacks check future.done() but then only schedule set_result/set_exception
with call_soon: when the caller is cancelled in the same loop step, the scheduled call finds
the future cancelled and raises InvalidStateError on the loop."""

import asyncio

EXPECT = "in the code that finally sets the future"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def on_ok(result):
        if not future.done():
            loop.call_soon(future.set_result, result)

    def on_err(error):
        if not future.done():
            loop.call_soon(future.set_exception, error)

    callback_api(arg, on_ok, on_err)
    return await future
