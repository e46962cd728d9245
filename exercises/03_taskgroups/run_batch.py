"""Run a batch: sort the failures with `except*`.

Write `run_batch(jobs)`. `jobs` is a list of zero-argument async callables: `await job()`
runs one. Run them all at once in an `asyncio.TaskGroup`. Their return values do not matter.

When jobs fail, the TaskGroup cancels the rest and raises an `ExceptionGroup` holding every
error. Handle it like this:

- the `ValueError`s are expected (bad input): return their messages (`str(error)`),
  sorted;
- any other error is a bug: let it propagate, in an ExceptionGroup, without the ValueErrors;
- if nothing failed, return `[]`.

Example, with three jobs that raise `ValueError("b")`, `ValueError("a")` and return 1 at the
same moment:

    >>> await run_batch([job_b, job_a, job_ok])
    ['a', 'b']

`except ValueError` never matches an ExceptionGroup; `except ExceptionGroup` catches every
error, bugs included. Use `except* ValueError as group:`, which takes just the ValueErrors
out of the group (`group.exceptions`) and re-raises the rest by itself. One catch: `return`
is not allowed inside an `except*` block; collect the messages there and return after it.

Key API: `asyncio.TaskGroup`, `except* ValueError as group`, `group.exceptions`.

Grade it: nox -s grade -- run_batch
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    """Run every job at once in a TaskGroup; return the ValueErrors' messages, sorted."""
    raise NotImplementedError("run the jobs in a TaskGroup and handle ValueErrors with except*")
