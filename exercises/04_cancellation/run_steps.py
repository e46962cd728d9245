"""One budget for all steps: a shared deadline, not one per step.

Write `run_steps(steps, budget)`. `steps` is a list of zero-argument async callables. Run them
one after another, in order (each starts when the previous one has finished), and return
their results in a list. All the steps together get `budget` seconds: when the budget runs
out, the step running at that moment is cancelled and `run_steps` raises `TimeoutError`.
If the caller cancels `run_steps` itself, that is not a timeout: the step running is
cancelled and the `CancelledError` propagates. A step's own error propagates as it is: it is
not a timeout.

Example, with steps taking 1 s, 2 s and 3 s:

    >>> await run_steps(steps, 10)   # after 6 s
    [result1, result2, result3]
    >>> await run_steps(steps, 4)    # after 4 s the third step is cancelled
    TimeoutError

A timeout per step (`asyncio.wait_for(step(), budget)`) gives every step the whole budget:
three 3 s steps with a budget of 4 s would take 9 s. One `asyncio.timeout(budget)` around
the whole loop sets one deadline for all of them.

Key API: `async with asyncio.timeout(budget):` (or `asyncio.timeout_at(deadline)`).

Grade it: nox -s grade -- run_steps
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def run_steps(steps: Iterable[Callable[[], Awaitable[Any]]], budget: float) -> list:
    """Run the steps in order under one deadline `budget` s away; TimeoutError when it passes."""
    raise NotImplementedError("run the steps in order inside one `async with asyncio.timeout`")
