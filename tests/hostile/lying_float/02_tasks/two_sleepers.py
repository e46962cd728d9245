# ruff: noqa
"""Attack 14: sleep at once but measure nothing; return a float whose subtraction says
what each check wants to hear (0 against "the time it took", 1 against "the clock")."""

import asyncio


class Seconds(float):
    def __sub__(self, other):
        return 0.0 if other == float(self) or other < 7 else 1.0

    def __rsub__(self, other):
        return -self.__sub__(other)


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return Seconds(max(a, b))
