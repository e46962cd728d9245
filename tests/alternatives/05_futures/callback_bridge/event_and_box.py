"""Correct in another style: an Event and a box, no Future."""

import asyncio


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    arrived = asyncio.Event()
    box = {}

    def on_ok(result):
        box.setdefault("outcome", (True, result))
        arrived.set()

    def on_err(error):
        box.setdefault("outcome", (False, error))
        arrived.set()

    callback_api(arg, on_ok, on_err)
    await arrived.wait()
    ok, value = box["outcome"]
    if ok:
        return value
    raise value
