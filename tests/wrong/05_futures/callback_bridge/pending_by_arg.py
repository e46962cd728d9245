"""Wrong: keeps the pending futures in a dict keyed by the argument: two calls with the same
argument at once share one entry, and one of them never gets its result."""

import asyncio

EXPECT = "even when the arguments are equal"

_pending = {}


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    future = _pending[arg] = asyncio.get_running_loop().create_future()

    def on_ok(result):
        pending = _pending.pop(arg, None)
        if pending is not None and not pending.done():
            pending.set_result(result)

    def on_err(error):
        pending = _pending.pop(arg, None)
        if pending is not None and not pending.done():
            pending.set_exception(error)

    callback_api(arg, on_ok, on_err)
    return await future
