"""Wrong: polls a flag with asyncio.sleep instead of awaiting a future."""

import asyncio

EXPECT = "that is polling"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    box = {}
    callback_api(arg, lambda r: box.setdefault("ok", r), lambda e: box.setdefault("err", e))
    while not box:
        await asyncio.sleep(0.1)
    if "err" in box:
        raise box["err"]
    return box["ok"]
