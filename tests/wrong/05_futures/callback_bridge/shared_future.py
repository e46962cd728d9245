"""Wrong: one module-level future shared by every call: concurrent calls mix their results."""

import asyncio

EXPECT = "create a new future inside each call_api call"

_future = None


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


def _on_ok(result):
    if not _future.done():
        _future.set_result(result)


def _on_err(error):
    if not _future.done():
        _future.set_exception(error)


async def call_api(arg):
    global _future
    if _future is None or _future.done():
        _future = asyncio.get_running_loop().create_future()
    callback_api(arg, _on_ok, _on_err)
    return await asyncio.shield(_future)
