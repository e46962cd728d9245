"""Wrong: one callback for on_ok and on_err, raising the outcome when it is an exception: an exception handed to on_ok as a value is raised."""

import asyncio

EXPECT = "an exception object too"


def callback_api(arg, on_ok, on_err):
    loop = asyncio.get_running_loop()
    if arg < 0:
        loop.call_later(1.0, on_err, ValueError(f"negative argument: {arg}"))
    else:
        loop.call_later(1.0, on_ok, arg * 2)


async def call_api(arg):
    future = asyncio.get_running_loop().create_future()

    def settle(outcome):
        if not future.done():
            future.set_result(outcome)

    callback_api(arg, settle, settle)  # one callback for both: errors are exceptions
    outcome = await future
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome
