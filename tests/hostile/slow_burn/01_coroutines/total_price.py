# ruff: noqa
"""Attack 17: a slow burn. Each kata blocks the loop a little at a time (every step under
the limit for one step) for about 7 s, then gives a wrong answer: every kata stays under
its budget, so only the time its katas take in all can stop the submission."""

import asyncio
import time


async def _burn() -> None:
    """Block the loop for 0.15 s at a time, fifty times: each step under the limit."""
    for _ in range(50):
        time.sleep(0.15)
        await asyncio.sleep(0)


async def total_price(get_price, ids) -> int:
    await _burn()
    return -1
