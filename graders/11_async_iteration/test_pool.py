"""Grader for 11_async_iteration/pool: an @asynccontextmanager that always cleans up.

Docstring sentence -> the check that enforces it:

- "`pool(n, make, close)`, an `@asynccontextmanager` function" -> open_pool() in every
  check (an async context manager is what it must return)
- "make `n` resources with `await make()`, one after another, and yield the list (`n` may
  be 0 ...)" -> test_normal_use, test_zero_resources, test_any_ending; one after another ->
  test_make_fails_part_way, test_cancelled_while_making (the make() call that fails or is
  cancelled is the k-th one)
- "`await close(r)` every resource that was made, exactly once, however the block ends" ->
  test_normal_use, test_exception_in_the_block, test_cancelled_in_the_block,
  test_any_ending
- "by an exception (which must then propagate unchanged)" -> test_exception_in_the_block
  (the very exception object, not a wrapper, its __cause__ untouched), test_any_ending,
  test_other_base_exception_in_the_block (a BaseException that is neither an Exception nor
  a CancelledError, as KeyboardInterrupt and SystemExit are)
- "or by the task being cancelled (the CancelledError must propagate too)" ->
  test_cancelled_in_the_block, test_any_ending, test_cancelled_while_making (cancelled on
  the way in: what was made is closed too); that very CancelledError, its message included
  -> test_cancellation_propagates_as_it_is
- "If `make()` fails part-way, close the resources already made, then let the error out"
  -> test_make_fails_part_way (that very error object, not one built from it),
  test_any_ending
- "make() may return any object, a falsy one or None included" -> test_any_kind_of_resource,
  test_equal_resources (resources that compare equal are each closed once, by identity)

- "close every resource that was made, exactly once" (two pools open at once, one inside
  the other: each keeps and closes its own) -> test_two_pools_at_once
- "make `n` resources with `await make()`" / "`await close(r)` every resource" (make and close
  return any awaitable: futures, as `loop.run_in_executor` gives, which asyncio.create_task
  refuses) -> test_make_and_close_returning_futures
- "make `n` resources with `await make()`" / "`await close(r)` every resource" (however long
  they take: 2 hours each, no time limit of the learner's own) -> test_slow_make_and_close

Hypothesis draws n (0-3), the make() call that fails (if any) and how the block ends
(normally, by an exception, by a cancellation): test_any_ending.
"""

from __future__ import annotations

import asyncio
import inspect
from dataclasses import dataclass, field
from typing import Any

import kit
from hypothesis import strategies as st


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
    raised: list[BaseException] = field(default_factory=list)  # what make() raised

    async def make(self) -> Resource:
        await asyncio.sleep(0.5)
        if self.fail_on is not None and len(self.made) + 1 == self.fail_on:
            self.raised.append(ConnectionError(f"make() #{self.fail_on} failed"))
            raise self.raised[-1]
        resource = Resource(len(self.made) + 1)
        self.made.append(resource)
        return resource

    async def close(self, resource: Resource) -> None:
        await asyncio.sleep(0.25)
        resource.closes += 1

    def expect_all_closed(self, when: str, normally: bool = False) -> None:
        """Fail unless every resource made was closed exactly once (``normally``: the block
        ended without an exception, so code after the yield did run)."""
        counts = [r.closes for r in self.made]
        hint = SKIPPED if normally else CLEANUP
        kit.expect(
            all(c == 1 for c in counts),
            f"{when}, the {len(self.made)} resources made were closed {counts} times; each "
            "must be closed exactly once." + (" " + hint if any(c == 0 for c in counts) else ""),
        )


CLEANUP = (
    "Put the cleanup in a `finally:` around the `yield` (code after a bare `yield` never "
    "runs when the block raises)."
)


SKIPPED = (
    "The block ended normally, so your cleanup ran, yet it skipped some: close every resource "
    "in the list (do not remove items from a list while you loop over it)."
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
    factory.expect_all_closed(f"after {what} ended normally", normally=True)


def test_exception_in_the_block(kata: kit.Kata) -> None:
    """An exception in the block: every resource closed, the exception propagates."""
    factory = Factory()
    error = ValueError("boom in the block")
    cause = KeyError("the cause")
    what = "async with pool(3, make, close) whose block raises ValueError (from a KeyError)"

    async def call() -> None:
        async with open_pool(kata, 3, factory.make, factory.close):
            await asyncio.sleep(1)
            raise error from cause

    result = kata.run(call, what=what, limit=100, raises=Exception)
    factory.expect_all_closed(f"after {what}")
    if result.error is not None and result.error is not error:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} instead of the "
            "block's own ValueError: let it propagate unchanged (no wrapping, no "
            "`raise ... from`); clean up in `finally:` and re-raise nothing yourself."
        )
    kit.expect(
        result.error is error,
        f"{what} did not raise it: your pool swallowed the exception (an `except` without "
        "`raise`?). Clean up in `finally:` and let the exception propagate.",
    )
    kit.expect(
        error.__cause__ is cause and error.__suppress_context__,
        f"{what} raised the block's own ValueError, but changed on the way: its __cause__ "
        f"was {cause!r} and is now {error.__cause__!r}. Let it propagate unchanged: "
        "`raise exc from ...` rewrites its cause; clean up in `finally:` and re-raise "
        "nothing yourself.",
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
        "each. Make the resources inside the `try:` whose `finally:` closes them, and keep "
        "each one as soon as make() returns it (`resources.append(await make())`: a list "
        "comprehension gives you the list only once every make() has succeeded).",
    )
    kit.expect(
        bool(factory.raised) and result.error is factory.raised[-1],
        f"{what} raised {type(result.error).__name__}: {result.error}, another exception "
        "object than the ConnectionError make() raised: let make()'s own error out "
        "unchanged (do not build a new one from it, nor wrap it); close what was made in "
        "`finally:` and re-raise nothing yourself.",
    )


def test_cancelled_while_making(kata: kit.Kata) -> None:
    """Cancelled during the 3rd make(): the 2 already made are closed, still cancelled."""
    factory = Factory()
    what = "a task cancelled during the 3rd make() of `async with pool(4, make, close)`"

    async def call() -> tuple[bool, list[int]]:
        async def enter() -> None:
            async with open_pool(kata, 4, factory.make, factory.close):
                pass

        task = asyncio.create_task(enter())
        await asyncio.sleep(1.25)  # two made (0.5 s each), the third under way
        task.cancel()
        await asyncio.wait([task])
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        return task.cancelled(), [r.closes for r in factory.made]

    result = kata.run(call, what=what, limit=100)
    cancelled, counts = result.value or (False, [])
    kit.expect(
        counts == [1, 1],
        f"{what}: the 2 resources already made were closed {counts} times; expected once "
        "each. A cancellation is not an Exception (an `except Exception` does not see it): "
        "close what was made in a `finally:`.",
    )
    kit.expect(cancelled, f"{what} did not end cancelled: let the CancelledError propagate.")


def test_zero_resources(kata: kit.Kata) -> None:
    """pool(0, ...) gives the block an empty list, makes and closes nothing."""
    factory = Factory()
    seen: list[Any] = []
    what = "async with pool(0, make, close)"

    async def call() -> None:
        async with open_pool(kata, 0, factory.make, factory.close) as resources:
            seen.append(resources)

    kata.run(call, what=what, limit=100)
    kit.expect(
        seen == [[]] and not factory.made,
        f"{what} gave the block {seen[0] if seen else None!r} after {len(factory.made)} "
        "make() call(s); expected [] and no make() at all.",
    )


@st.composite
def endings(draw: st.DrawFn) -> tuple[int, int | None, str]:
    """(n, the make() call that fails or None, how the block ends)."""
    n = draw(st.integers(0, 3))
    fail_on = draw(st.none() | st.integers(1, max(n, 1))) if n else None
    ending = draw(st.sampled_from(["normally", "by an exception", "by a cancellation"]))
    return n, fail_on, ending


def test_any_ending(kata: kit.Kata) -> None:
    """Any n, any failing make(), any ending: each made resource closed once, outcome kept."""

    @kit.drawn(
        endings(),
        examples=[
            ((2, None, "by a cancellation"),),
            ((3, 2, "normally"),),
            ((1, None, "by an exception"),),  # one resource
        ],
    )
    def check(case: tuple[int, int | None, str]) -> None:
        n, fail_on, ending = case
        factory = Factory(fail_on=fail_on)
        error = ValueError("boom in the block")
        failing = f", make() #{fail_on} failing" if fail_on else ""
        what = f"async with pool({n}, make, close){failing}, the block ending {ending},"

        async def user() -> None:
            async with open_pool(kata, n, factory.make, factory.close):
                await asyncio.sleep(1)
                if ending == "by an exception":
                    raise error
                if ending == "by a cancellation":
                    await asyncio.sleep(100)

        async def call() -> asyncio.Task[None]:
            task = asyncio.create_task(user())
            await asyncio.sleep(n * 0.5 + 2)
            task.cancel()
            await asyncio.wait([task])
            return task

        task = kata.run(call, what=what, limit=1000).value
        assert isinstance(task, asyncio.Task)
        normally = fail_on is None and ending == "normally"
        factory.expect_all_closed(f"after {what}", normally=normally)
        if fail_on is not None:
            want = "ConnectionError"
            ok = not task.cancelled() and isinstance(task.exception(), ConnectionError)
        elif ending == "by an exception":
            want = "the block's ValueError"
            ok = not task.cancelled() and task.exception() is error
        elif ending == "by a cancellation":
            want = "CancelledError"
            ok = task.cancelled()
        else:
            want = "nothing"
            ok = not task.cancelled() and task.exception() is None
        got = (
            "CancelledError"
            if task.cancelled()
            else repr(task.exception())
            if task.exception()
            else "nothing"
        )
        kit.expect(
            ok,
            f"{what} raised {got}; expected {want}: let the block's exception, a "
            "cancellation or make()'s error out unchanged, after closing what was made.",
        )

    check()


def test_any_kind_of_resource(kata: kit.Kata) -> None:
    """make() returns 0, None and "" (falsy, but resources all the same): all three are
    given to the block and closed once each."""
    values: list[Any] = [0, None, ""]
    made: list[Any] = []
    closed: list[Any] = []
    seen: list[Any] = []
    what = 'async with pool(3, make, close) whose make() returns 0, None and ""'

    async def make() -> Any:
        await asyncio.sleep(0.5)
        made.append(values[len(made)])
        return made[-1]

    async def close(resource: Any) -> None:
        await asyncio.sleep(0.25)
        closed.append(resource)

    async def call() -> None:
        async with open_pool(kata, 3, make, close) as resources:
            seen.append(list(resources) if isinstance(resources, list) else resources)

    kata.run(call, what=what, limit=100)
    kit.expect(
        seen == [values],
        f"{what} gave the block {seen[0] if seen else None!r}; expected {values!r}.",
    )
    kit.expect(
        sorted(map(repr, closed)) == sorted(map(repr, values)),
        f"{what} closed {closed!r}; expected each of {values!r} closed once. make() may "
        "return any object, a falsy one or None included: it is a resource all the same. "
        "Close every one made (no `if r:` / `is not None` test on the resources themselves).",
    )


class Interrupt(BaseException):
    """Neither an Exception nor a CancelledError, like KeyboardInterrupt and SystemExit."""


def test_other_base_exception_in_the_block(kata: kit.Kata) -> None:
    """The block ends by a BaseException that is neither an Exception nor a CancelledError:
    every resource closed, and that very exception propagates."""
    factory = Factory()
    error = Interrupt("stop now")
    what = (
        "async with pool(3, make, close) whose block raises a BaseException that is neither "
        "an Exception nor a CancelledError (as KeyboardInterrupt and SystemExit are)"
    )
    caught: list[BaseException] = []

    async def call() -> None:
        try:
            async with open_pool(kata, 3, factory.make, factory.close):
                await asyncio.sleep(1)
                raise error
        except Interrupt as exc:
            caught.append(exc)

    kata.run(call, what=what, limit=100)
    counts = [r.closes for r in factory.made]
    kit.expect(
        all(c == 1 for c in counts),
        f"after {what}, the {len(counts)} resources made were closed {counts} times; each "
        "must be closed exactly once, however the block ends. Catching `Exception` and "
        "CancelledError is not every way out: put the cleanup in a `finally:`.",
    )
    kit.expect(
        caught == [error],
        f"{what} did not let that exception out unchanged: let it propagate.",
    )


@dataclass
class Connection:
    """A resource that compares equal (==) to any other connection to the same host."""

    host: str


def test_equal_resources(kata: kit.Kata) -> None:
    """make() returns 3 distinct resources that compare equal: each is closed once."""
    made: list[Connection] = []
    closes: list[Any] = []
    what = 'async with pool(3, make, close) whose make() returns Connection("db") 3 times'

    async def make() -> Connection:
        await asyncio.sleep(0.5)
        made.append(Connection("db"))
        return made[-1]

    async def close(resource: Any) -> None:
        await asyncio.sleep(0.25)
        closes.append(resource)

    async def call() -> None:
        async with open_pool(kata, 3, make, close):
            pass

    kata.run(call, what=what, limit=100)
    counts = [sum(1 for c in closes if c is r) for r in made]
    kit.expect(
        counts == [1, 1, 1],
        f"{what} closed the 3 resources {counts} times; expected once each. They compare "
        "equal (==), but each is a resource of its own: close every one made, without "
        "skipping one equal to a resource already closed (`in`, a set and a dict compare "
        "with ==).",
    )


def test_two_pools_at_once(kata: kit.Kata) -> None:
    """A pool opened inside another one's block: each gives its own resources, and every
    resource of both is closed once."""
    outer, inner = Factory(), Factory()
    seen: list[Any] = []
    what = "async with pool(2, make, close) with an async with pool(3, make2, close2) inside"

    async def call() -> None:
        async with open_pool(kata, 2, outer.make, outer.close) as first:
            async with open_pool(kata, 3, inner.make, inner.close) as second:
                seen.append([list(first), list(second)])
            seen.append([r.closes for r in outer.made])

    kata.run(call, what=what, limit=100)
    kit.expect(
        seen[:1] == [[outer.made, inner.made]],
        f"in {what}, the inner block saw the lists {seen[0] if seen else None!r}; expected the "
        "outer pool's 2 resources and the inner pool's 3: each pool keeps a list of its own "
        "(made inside each call, not one list shared by every pool).",
    )
    counts = [r.closes for r in outer.made + inner.made]
    kit.expect(
        all(c == 1 for c in counts) and seen[1:] == [[0, 0]],
        f"after {what}, the 5 resources made were closed {counts} times (the outer pool's were "
        f"closed {seen[1] if len(seen) > 1 else None} times when the inner block ended); each "
        "pool must close its own resources exactly once, when its own block ends: keep them "
        "in a list of its own, made inside each call, not one shared by every pool.",
    )


def test_cancellation_propagates_as_it_is(kata: kit.Kata) -> None:
    """A task cancelled with task.cancel("user gave up") inside the block: after closing
    the resources, that very CancelledError comes out, its message included."""
    factory = Factory()
    what = 'a task cancelled with task.cancel("user gave up") inside `async with pool(2, ...)`'

    async def call() -> Any:
        async def user() -> None:
            async with open_pool(kata, 2, factory.make, factory.close):
                await asyncio.sleep(100)

        task = asyncio.create_task(user())
        await asyncio.sleep(5)
        return await kit.cancelled_args(task, "user gave up")

    result = kata.run(call, what=what, limit=1000)
    factory.expect_all_closed(f"after {what}")
    kit.expect_the_callers_cancellation(
        result.value,
        "user gave up",
        what,
        "after closing the resources, let that very CancelledError propagate (a `finally:` "
        "with no `except` for it)",
    )


SLOW = 7200.0  # 2 hours of loop time: beyond any time limit a learner might set


def test_slow_make_and_close(kata: kit.Kata) -> None:
    """make() and close() that take 2 hours each are awaited to their end: every resource is
    made and then closed (the pool sets no time limit of its own on them)."""
    factory = Factory()
    what = "async with pool(2, make, close), each make() and close() taking 2 hours,"
    seen: list[Any] = []

    async def make() -> Resource:
        await asyncio.sleep(SLOW)
        return await factory.make()

    async def close(resource: Resource) -> None:
        await asyncio.sleep(SLOW)
        await factory.close(resource)

    async def call() -> None:
        try:
            async with open_pool(kata, 2, make, close) as resources:
                seen.append(len(resources) if isinstance(resources, list) else resources)
        except TimeoutError as error:
            seen.append(error)

    kata.run(call, what=what, limit=50000)
    kit.expect(
        not any(isinstance(s, TimeoutError) for s in seen),
        f"{what} raised TimeoutError: await make() and close() however long they take, with "
        "no time limit of your own.",
    )
    factory.expect_all_closed(f"after {what} ended normally", normally=True)


def test_make_and_close_returning_futures(kata: kit.Kata) -> None:
    """make() and close(r) that return futures, not coroutines (as `loop.run_in_executor`
    does): every resource is made, given to the block, and closed once."""
    factory = Factory()
    seen: list[Any] = []
    what = (
        "async with pool(2, make, close) whose make() and close(r) return futures, not "
        "coroutines (as loop.run_in_executor(...) does),"
    )

    def make() -> asyncio.Future[Resource]:
        made: asyncio.Future[Resource] = asyncio.get_running_loop().create_future()

        def ready() -> None:
            if not made.done():
                factory.made.append(Resource(len(factory.made) + 1))
                made.set_result(factory.made[-1])

        asyncio.get_running_loop().call_later(0.5, ready)
        return made

    def close(resource: Resource) -> asyncio.Future[None]:
        closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def ready() -> None:
            if not closed.done():
                resource.closes += 1
                closed.set_result(None)

        asyncio.get_running_loop().call_later(0.25, ready)
        return closed

    async def call() -> None:
        async with open_pool(kata, 2, make, close) as resources:
            seen.append(len(resources) if isinstance(resources, list) else resources)

    result = kata.run(call, what=what, limit=100, raises=(TypeError, BaseExceptionGroup))
    error = result.error
    while isinstance(error, BaseExceptionGroup) and error.subgroup(TypeError) is not None:
        error = error.subgroup(TypeError).exceptions[0]  # a TaskGroup's: name what is inside
    if isinstance(error, TypeError):
        kit.fail(
            f"{what} raised {error!r} (at {kata.where(error)}): make() and "
            "close(r) may return any awaitable, and asyncio.create_task (a TaskGroup's too) "
            "takes coroutines only. Await them (`await close(r)`), or gather them."
        )
    kit.expect(error is None, f"{what} raised {error!r}.")
    kit.expect(seen == [2], f"{what} gave the block {seen[0] if seen else None!r}.")
    factory.expect_all_closed(f"after {what}", normally=True)
