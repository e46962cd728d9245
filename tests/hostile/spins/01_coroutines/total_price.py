# ruff: noqa
"""Attack 8c: deep recursion under a raised recursion limit, so that pytest's report of the
failure walks a million frames."""

import sys


def _down(n: int) -> int:
    return _down(n + 1) + 1


async def total_price(get_price, ids) -> int:
    sys.setrecursionlimit(10**6)
    return _down(0)
