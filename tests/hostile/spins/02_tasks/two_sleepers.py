# ruff: noqa
"""Attack 8a: a spin that catches BaseException (the watchdog's and the timeout's too)."""


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
