"""Wrong: spins on asyncio.sleep(0) until a callback sets a flag (busy polling)."""

import asyncio
from asyncio import sleep

EXPECT = "spins instead of waiting"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    box = []
    callback_api(arg, lambda r: box.append((True, r)), lambda e: box.append((False, e)))
    while not box:
        await sleep(0)
    ok, value = box[0]
    if not ok:
        raise value
    return value
