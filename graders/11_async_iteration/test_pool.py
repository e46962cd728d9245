"""Grader for 11_async_iteration/pool: an @asynccontextmanager that always cleans up.

Checks: `pool(n, make, close)` returns an async context manager; the block gets `n` open
resources; every resource made is closed exactly once when the block ends normally, by an
exception (which propagates unchanged) or by cancellation (which propagates too), and when
`make()` fails part-way (the error propagates); nothing is left running.
"""

import asyncio
import inspect
from dataclasses import dataclass, field
from typing import Any

import kit


@dataclass(eq=False)
class Resource:
    """A made resource; `closes` counts the close() calls it got."""

    number: int
    closes: int = 0


@dataclass
class Factory:
    """make() and close() stand-ins that take loop time and record what they did."""

    fail_on: int | None = None  # make() call number (1-based) that raises
    made: list[Resource] = field(default_factory=list)

    async def make(self) -> Resource:
        await asyncio.sleep(0.5)
        if self.fail_on is not None and len(self.made) + 1 == self.fail_on:
            raise ConnectionError(f"make() #{self.fail_on} failed")
        resource = Resource(len(self.made) + 1)
        self.made.append(resource)
        return resource

    async def close(self, resource: Resource) -> None:
        await asyncio.sleep(0.25)
        resource.closes += 1

    def expect_all_closed(self, when: str) -> None:
        """Fail unless every resource made was closed exactly once."""
        counts = [r.closes for r in self.made]
        kit.expect(
            all(c == 1 for c in counts),
            f"{when}, the {len(self.made)} resources made were closed {counts} times; each "
            "must be closed exactly once." + (" " + CLEANUP if any(c == 0 for c in counts) else ""),
        )


CLEANUP = (
    "Put the cleanup in a `finally:` around the `yield` (code after a bare `yield` never "
    "runs when the block raises)."
)


def open_pool(kata: kit.Kata, *args: Any) -> Any:
    """Call the learner's pool(...) and check it returned an async context manager."""
    pool = kata.get("pool", "callable")
    cm = pool(*args)
    if hasattr(cm, "__aenter__") and hasattr(cm, "__aexit__"):
        return cm
    if inspect.iscoroutine(cm):
        cm.close()
    found = (
        "an async generator"
        if inspect.isasyncgen(cm)
        else "a coroutine"
        if inspect.iscoroutine(cm)
        else f"a {type(cm).__name__}"
    )
    kit.fail(
        f"pool(...) returned {found}, not an async context manager: decorate your async "
        "generator function with @asynccontextmanager (from contextlib)."
    )


def test_is_callable(kata: kit.Kata) -> None:
    """pool is a function (decorated with @asynccontextmanager)."""
    kata.get("pool", "callable")


def test_normal_use(kata: kit.Kata) -> None:
    """The block gets n open resources; all are closed once it ends."""
    factory = Factory()
    seen: list[Any] = []
    what = "async with pool(3, make, close)"

    async def call() -> None:
        async with open_pool(kata, 3, factory.make, factory.close) as resources:
            seen.append(list(resources) if isinstance(resources, list) else resources)
            seen.append([r.closes for r in factory.made])

    kata.run(call, what=what, limit=100)
    kit.expect(
        seen
        and isinstance(seen[0], list)
        and len(seen[0]) == 3
        and all(isinstance(r, Resource) for r in seen[0]),
        f"{what} gave the block {seen[0] if seen else None!r}; expected the list of the 3 "
        "resources made by `await make()`.",
    )
    kit.expect(
        seen[1] == [0, 0, 0],
        f"inside {what}, resources were already closed ({seen[1]}): close them after the "
        "`yield`, not before.",
    )
    factory.expect_all_closed(f"after {what} ended normally")


def test_exception_in_the_block(kata: kit.Kata) -> None:
    """An exception in the block: every resource closed, the exception propagates."""
    factory = Factory()
    error = ValueError("boom in the block")
    what = "async with pool(3, make, close) whose block raises ValueError"

    async def call() -> None:
        async with open_pool(kata, 3, factory.make, factory.close):
            await asyncio.sleep(1)
            raise error

    result = kata.run(call, what=what, limit=100, raises=ValueError)
    factory.expect_all_closed(f"after {what}")
    kit.expect(
        result.error is error,
        f"{what} did not raise it: your pool swallowed the exception (an `except` without "
        "`raise`?). Clean up in `finally:` and let the exception propagate.",
    )


def test_cancelled_in_the_block(kata: kit.Kata) -> None:
    """The task is cancelled inside the block: every resource closed, still cancelled."""
    factory = Factory()
    what = "a task cancelled inside `async with pool(3, make, close)`"

    async def call() -> asyncio.Task[None]:
        manager = open_pool(kata, 3, factory.make, factory.close)

        async def user() -> None:
            async with manager:
                await asyncio.sleep(100)

        task = asyncio.create_task(user())
        await asyncio.sleep(5)
        if task.done():  # it failed before the cancel: report that error
            await task
        task.cancel()
        await asyncio.wait([task])
        return task

    result = kata.run(call, what=what, limit=1000)
    task = result.value
    if not isinstance(task, asyncio.Task):  # cannot happen: call() always returns the task
        kit.fail(f"{what}: the grader lost track of the task.")
    counts = [r.closes for r in factory.made]
    kit.expect(
        all(c == 1 for c in counts) and len(counts) == 3,
        f"after {what}, the 3 resources were closed {counts} times; each must be closed "
        "exactly once. A cancellation raises CancelledError at the `yield`, and it is a "
        "BaseException: `except Exception` misses it, a `finally:` does not.",
    )
    if not task.cancelled():
        problem = task.exception()
        kit.fail(
            f"{what} did not end cancelled ({'it returned' if problem is None else problem!r}):"
            " your pool swallowed the CancelledError. Let it propagate after cleaning up."
        )


def test_make_fails_part_way(kata: kit.Kata) -> None:
    """The 3rd make() fails: the 2 already made are closed, the error propagates."""
    factory = Factory(fail_on=3)
    what = "async with pool(4, make, close) when the 3rd make() raises"

    async def call() -> None:
        async with open_pool(kata, 4, factory.make, factory.close):
            pass

    result = kata.run(call, what=what, limit=100, raises=ConnectionError)
    kit.expect(
        isinstance(result.error, ConnectionError),
        f"{what} did not raise the ConnectionError: let make()'s error propagate.",
    )
    counts = [r.closes for r in factory.made]
    kit.expect(
        counts == [1, 1],
        f"{what}, the 2 resources already made were closed {counts} times; expected once "
        "each. Make the resources inside the `try:` whose `finally:` closes them.",
    )
