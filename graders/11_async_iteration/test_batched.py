"""Grader for 11_async_iteration/batched: lists of `size` items, or fewer after `max_wait`.

Docstring sentence -> the check that enforces it (on timed sources, at exact loop times):

- "a batch is yielded as soon as it holds `size` items" -> test_full_batches_at_once,
  test_size_before_deadline, test_any_schedule
- "a batch that is not full is yielded anyway `max_wait` seconds after its FIRST item
  arrived (do not wait for the next item to notice the deadline)" ->
  test_partial_batch_at_max_wait, test_deadline_counts_from_first_item, test_steady_stream,
  test_any_schedule
- "when `ait` ends, the last partial batch is yielded at once; never yield an empty list"
  -> test_steady_stream, test_empty_source, collect() (no empty batch), test_any_schedule,
  test_full_batches_at_once (expect_batches names a last batch that waited for its deadline
  after the source had ended)
- "every item goes into a batch, whatever its value (`None` included), once, in order"
  -> collect(), test_any_schedule (Hypothesis: None, 0, "", repeats)
- "cancelling an async generator's `__anext__` closes that generator: the rest of its items
  are lost" -> collect() names a lost item's likely cause only when items were lost
- "cancel and await them in a `finally:` so breaking out of the loop early leaves nothing
  running" -> test_break_early (the source's cleanup takes a few loop steps, so a cancel
  followed by one `asyncio.sleep(0)` is not enough)
- "If `ait` raises, `batched` raises that exception too (the batch in progress is lost)" ->
  test_failing_source (the error comes out, and no batch is yielded before it)
- "yields lists of items" (a caller may keep them) -> collect(): every batch yielded is a
  list, and still holds its items once the caller has read on

- "every item goes into a batch, whatever its value" (an exception object is an item too)
  -> test_exception_objects_are_items
- "It reads the async iterator `ait`" (any async iterator, not only an async generator) ->
  test_any_async_iterator
- "whatever its value" (an item equal to everything, Ellipsis, NotImplemented: not the end
  of the source) -> test_items_that_look_like_an_end_marker (compared by identity)
- "cancel and await them in a `finally:`" (the task iterating batched cancelled: nothing
  left running either) -> test_caller_cancelled
- "yielded anyway `max_wait` seconds after its FIRST item arrived" (at that very moment, on
  no grid: the other checks' times are multiples of 1/8 s) -> test_a_deadline_off_the_grid
  (a batched that looks at the clock now and then is late)
- "Whatever tasks you start, cancel and await them" (only those: two batched at once, the
  first ending does not stop the other's reads) -> test_two_batched_at_once
- "It reads the async iterator `ait`" (one whose `__anext__` returns an awaitable that is not
  a coroutine, which asyncio.create_task refuses) ->
  test_an_async_iterator_whose_anext_is_not_a_coroutine
- "cancel and await them in a `finally:`" (however long the source takes to close: 300 s,
  beyond a grace period of the learner's own) -> test_break_early_with_a_long_cleanup

Hypothesis draws arrival schedules (several items at the same instant included), sizes and
waits, leaving out an item that arrives exactly at a deadline (either batch would do).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import aclosing
from typing import Any

import kit
import pytest
from hypothesis import strategies as st
from kit import queues

LOST = (
    "Did a timeout cancel a pending read? asyncio.wait_for / asyncio.timeout around anext() "
    "cancels the read when time is up, and that closes an async generator source for good. "
    "Keep the pending read in a task across batches and wait on it with "
    "asyncio.wait({task}, timeout=...), or pump the source into a queue from a task."
)


async def timed(
    schedule: list[float], end: float, values: Sequence[Any] | None = None
) -> AsyncIterator[Any]:
    """Yield 0, 1, 2... (or ``values``) at the loop times in `schedule`; end at `end`."""
    loop = asyncio.get_running_loop()
    try:
        for i, at in enumerate(schedule):
            await asyncio.sleep(max(0.0, at - loop.time()))
            yield i if values is None else values[i]
        await asyncio.sleep(max(0.0, end - loop.time()))
    finally:
        for _ in range(3):  # a real source's cleanup takes a few loop steps
            await asyncio.sleep(0)


def collect(
    kata: kit.Kata,
    schedule: list[float],
    end: float,
    size: int,
    max_wait: float,
    values: Sequence[Any] | None = None,
) -> tuple[list[tuple[float, list[Any]]], str]:
    """Run batched over a timed source; return (loop time, batch) pairs."""
    batched = kata.get("batched", "asyncgen")
    want = list(range(len(schedule))) if values is None else list(values)
    source = "source" if values is None else f"a source of {want!r} at {schedule}"
    what = f"batched({source}, size={size}, max_wait={max_wait:g})"
    got: list[tuple[float, list[Any]]] = []
    kept: list[Any] = []  # the yielded objects themselves: a caller may keep them

    async def call() -> None:
        async with aclosing(batched(timed(schedule, end, values), size, max_wait)) as batches:
            async for batch in batches:
                got.append((kit.now(), list(batch)))
                kept.append(batch)

    kata.run(call, what=what, limit=1000)
    for (at, batch), now in zip(got, kept, strict=True):
        kit.expect(
            list(now) == batch,
            f"the batch {what} yielded at {at:g} s was {batch!r}, but once the caller had "
            f"read on it held {list(now)!r}: batched changed a list it had already handed "
            "out. A caller may keep every batch: start a new list after each yield "
            "(`batch = []`), do not empty the one you yielded (`batch.clear()`).",
        )
    items = [i for _, batch in got for i in batch]
    # Only the falsy items missing, every other one there in order: a filter, not a lost read.
    only_falsy_dropped = len(items) < len(want) and items == [v for v in want if v]
    kit.expect(
        items == want and [type(i) for i in items] == [type(i) for i in want],
        f"the batches of {what} held {items!r}; expected every item once, in order: "
        f"{want!r}. "
        + (
            LOST + " "
            if len(items) < len(want) and values is None and not only_falsy_dropped
            else ""
        )
        + (
            "None, 0 and '' are items too: "
            + (
                "put every item in a batch, whatever its value (no `if item:`), and "
                if only_falsy_dropped
                else ""
            )
            + "mark the end of the source with an object of your own (`END = object()`), "
            "compared with `is`."
            if len(items) < len(want) and any(not v for v in want)
            else ""
        ),
    )
    kit.expect(
        all(batch for _, batch in got),
        f"{what} yielded an empty batch ({got!r}): yield a batch only when it holds items.",
    )
    for (at, _), batch in zip(got, kept, strict=True):
        kit.expect(
            isinstance(batch, list),
            f"{what} yielded {batch!r} at {at:g} s, a {type(batch).__name__}: batched yields "
            "lists of items. Yield the list itself, then start a new one (`batch = []`).",
        )
    return got, what


def expect_batches(
    got: list[tuple[float, list[int]]],
    expected: list[tuple[float, list[int]]],
    what: str,
    end: float | None = None,
) -> None:
    """Compare (loop time, batch) pairs and name the first difference (``end``: when the
    source ended, if the grader knows)."""
    for k, ((at, batch), (want_at, want)) in enumerate(zip(got, expected, strict=False)):
        said = f"{what} yielded {batch!r} at {at:g} s; expected {want!r} at {want_at:g} s."
        if at > want_at + 1e-6 and k == len(expected) - 1 and end is not None and end == want_at:
            kit.fail(
                f"{said} It came late: the source had ended at {end:g} s, and when the source "
                "ends the last partial batch is yielded at once; do not wait for its deadline."
            )
        if at > want_at + 1e-6:
            kit.fail(
                f"{said} It came late: a partial batch is due `max_wait` after its FIRST "
                "item, even when no new item comes. A plain `async for` over the source "
                "cannot notice the deadline: wait for the next item with a timeout."
            )
        if at < want_at - 1e-6:
            kit.fail(
                f"{said} It came early: the deadline counts from the batch's first item, "
                "not from the previous batch or from the start."
            )
        kit.expect(batch == want, f"{said} (All batches: {got!r}.)")
    kit.expect(
        len(got) == len(expected),
        f"{what} yielded {got!r}; expected {expected!r}.",
    )


def test_is_an_async_generator(kata: kit.Kata) -> None:
    """batched is an async generator function."""
    kata.get("batched", "asyncgen")


def test_full_batches_at_once(kata: kit.Kata) -> None:
    """7 items at once, size 3: [0,1,2], [3,4,5], [6], all at 0 s."""
    got, what = collect(kata, [0.0] * 7, 0.0, 3, 1.0)
    expect_batches(got, [(0.0, [0, 1, 2]), (0.0, [3, 4, 5]), (0.0, [6])], what, end=0.0)


def test_partial_batch_at_max_wait(kata: kit.Kata) -> None:
    """Two items, then silence: [0, 1] comes at max_wait (1 s), not with the next item."""
    got, what = collect(kata, [0.0, 0.0, 10.0], 10.0, 3, 1.0)
    expect_batches(got, [(1.0, [0, 1]), (10.0, [2])], what)


def test_deadline_counts_from_first_item(kata: kit.Kata) -> None:
    """First item at 0.5 s: its batch is due at 1.5 s."""
    got, what = collect(kata, [0.5, 0.75, 5.0], 5.0, 10, 1.0)
    expect_batches(got, [(1.5, [0, 1]), (5.0, [2])], what)


def test_steady_stream(kata: kit.Kata) -> None:
    """An item every 0.375 s, max_wait 1 s: batches of 3, and the rest when the source ends."""
    schedule = [0.375 * (i + 1) for i in range(8)]
    got, what = collect(kata, schedule, 3.0, 10, 1.0)
    expect_batches(got, [(1.375, [0, 1, 2]), (2.5, [3, 4, 5]), (3.0, [6, 7])], what, end=3.0)


@pytest.mark.parametrize("size", [1, 2])
def test_size_before_deadline(kata: kit.Kata, size: int) -> None:
    """Items every 0.25 s, small sizes: each batch leaves as soon as it is full."""
    got, what = collect(kata, [0.25, 0.5, 0.75, 1.0], 1.0, size, 5.0)
    expected = [(0.25 * (i + size), list(range(i, i + size))) for i in range(0, 4, size)]
    expect_batches(got, expected, what)


def test_empty_source(kata: kit.Kata) -> None:
    """An empty source: no batch at all."""
    got, what = collect(kata, [], 2.0, 3, 1.0)
    expect_batches(got, [], what)


def test_break_early(kata: kit.Kata) -> None:
    """Breaking after the first batch stops at once: no waiting for the source, no task left."""
    batched = kata.get("batched", "asyncgen")
    what = "breaking out of `async for batch in batched(source, 3, 1)` after the first batch"

    left: list[asyncio.Task[Any]] = []

    async def call() -> list[int]:
        try:
            async with aclosing(batched(timed([0.0, 0.0, 10.0], 10.0), 3, 1.0)) as batches:
                async for batch in batches:
                    return list(batch)
            return []
        finally:
            me = asyncio.current_task()
            left.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())

    result = kata.run(
        call,
        what=what,
        limit=1000,
        hang_hint="Closing the generator must stop the read in progress: cancel the task "
        "that reads the source in a `finally:`.",
    )
    kit.expect_equal(result.value, [0, 1], f"the first batch when {what}")
    kit.expect_loop_time(
        result,
        1.0,
        what,
        slower="Closing the generator waited for the source's next item: cancel the pending "
        "read (or the pump task) in a `finally:` instead of waiting for it.",
    )
    kit.expect(
        not left,
        f"when {what} closed the generator, {len(left)} task(s) it started were still "
        "running (the source's cleanup takes a few loop steps): cancel the pending read and "
        "then await it (`await asyncio.wait({task})`), not just give it one loop step.",
    )


def test_failing_source(kata: kit.Kata) -> None:
    """A source that raises: batched raises that exception too."""
    batched = kata.get("batched", "asyncgen")
    error = ValueError("the source broke")
    what = "batched(a source that yields 0, 1, then raises ValueError, size=5, max_wait=10)"

    async def broken() -> AsyncIterator[int]:
        yield 0
        await asyncio.sleep(0.5)
        yield 1
        await asyncio.sleep(0.5)
        raise error

    got: list[list[Any]] = []

    async def call() -> list[list[Any]]:
        async with aclosing(batched(broken(), 5, 10.0)) as batches:
            async for batch in batches:
                got.append(list(batch))
        return got

    result = kata.run(
        call,
        what=what,
        limit=1000,
        raises=ValueError,
        hang_hint="The source raised, and batched waited on: let the source's exception out "
        "(a pump task must pass it on to the generator, not just die with it).",
    )
    kit.expect(
        result.error is error,
        f"{what} ended with {result.value!r} and no error: the source's exception must come "
        "out of batched (catch StopAsyncIteration only, not every exception).",
    )
    kit.expect(
        not got,
        f"{what} yielded {got!r} before raising: when the source raises, the batch in "
        "progress is lost. Let the error out at once, without yielding that batch first.",
    )


def expected_batches(
    times: Sequence[float], values: Sequence[Any], end: float, size: int, max_wait: float
) -> list[tuple[float, list[Any]]]:
    """The right (loop time, batch) pairs for items arriving at ``times``."""
    out: list[tuple[float, list[Any]]] = []
    batch: list[Any] = []
    deadline = 0.0
    for at, value in zip(times, values, strict=True):
        if batch and at > deadline:
            out.append((deadline, batch))
            batch = []
        if not batch:
            deadline = at + max_wait
        batch.append(value)
        if len(batch) == size:
            out.append((at, batch))
            batch = []
    if batch:
        out.append((min(deadline, end), batch))
    return out


@st.composite
def schedules(draw: st.DrawFn) -> tuple[list[float], float, int, float]:
    """(arrival times, end, size, max_wait) with no item exactly at a deadline."""
    size = draw(st.integers(1, 3))
    max_wait = draw(st.sampled_from([1.0, 1.5]))
    gaps = draw(st.lists(st.sampled_from([0.0, 0.0, 0.5, 1.25, 3.0]), max_size=7))
    times: list[float] = []
    at = 0.0
    for gap in gaps:
        at += gap
        times.append(at)
    end = at + draw(st.sampled_from([0.0, 0.5, 4.0]))
    deadlines = {t + max_wait for t in times}
    if any(t in deadlines for t in times) or end in deadlines:
        draw(st.just(None).filter(lambda _: False))  # an instant where either batch would do
    return times, end, size, max_wait


def test_any_schedule(kata: kit.Kata) -> None:
    """Any arrivals (bursts, gaps), sizes, waits and values (None, 0, ''): the right batches."""

    @kit.drawn(
        schedules(),
        st.lists(st.sampled_from([None, 0, "", "a", "a"]), min_size=7, max_size=7),
        examples=[
            (([0.0, 0.0, 0.5, 3.0], 3.5, 2, 1.0), [None, 0, None, "", "a", "a", "a"]),
            (([0.5], 2.0, 2, 1.0), ["a", 0, None, "", "a", "a", "a"]),  # one item
        ],
    )
    def check(schedule: tuple[list[float], float, int, float], pool: list[Any]) -> None:
        times, end, size, max_wait = schedule
        values = pool[: len(times)]
        got, what = collect(kata, times, end, size, max_wait, values)
        expect_batches(got, expected_batches(times, values, end, size, max_wait), what, end)

    check()


def test_exception_objects_are_items(kata: kit.Kata) -> None:
    """A source whose items are exception objects (yielded, not raised): batched like any."""
    batched = kata.get("batched", "asyncgen")
    values = [ValueError("item 0"), 1, KeyError("item 2")]
    what = f"batched(a source yielding {values!r} at 0, 0.5, 3 s, size=2, max_wait=1)"
    got: list[tuple[float, list[Any]]] = []

    async def call() -> None:
        source = timed([0.0, 0.5, 3.0], 3.0, values)
        async with aclosing(batched(source, 2, 1.0)) as batches:
            async for batch in batches:
                got.append((kit.now(), list(batch)))

    result = kata.run(call, what=what, limit=1000, raises=BaseException)
    error = result.error
    if any(error is v for v in values):
        kit.fail(
            f"{what} raised {error!r}, which the source yielded as an item, not raised: an "
            "item that is an exception object is still an item, and goes into a batch."
        )
    if isinstance(error, NotImplementedError):
        kit.not_started(kata.where(error))
    kit.expect(error is None, f"{what} raised {error!r}.")
    expect_batches(got, [(0.5, [values[0], 1]), (3.0, [values[2]])], what)


class Ticker:
    """An async iterator that is not an async generator: it has `__anext__` and nothing else
    (no aclose, asend or athrow). Yields 0, 1, 2... at the loop times in `schedule`."""

    def __init__(self, schedule: list[float], end: float) -> None:
        self.schedule, self.end, self.next = schedule, end, 0

    def __aiter__(self) -> Ticker:
        return self

    async def __anext__(self) -> int:
        loop = asyncio.get_running_loop()
        if self.next >= len(self.schedule):
            await asyncio.sleep(max(0.0, self.end - loop.time()))
            raise StopAsyncIteration
        await asyncio.sleep(max(0.0, self.schedule[self.next] - loop.time()))
        self.next += 1
        return self.next - 1


def test_any_async_iterator(kata: kit.Kata) -> None:
    """A plain async iterator (a class with `__anext__`, not an async generator) works too."""
    batched = kata.get("batched", "asyncgen")
    what = (
        "batched(an async iterator object that is not an async generator, yielding at 0, 0, "
        "1.5, 4 s and ending at 4.5 s, size=2, max_wait=1)"
    )
    got: list[tuple[float, list[Any]]] = []

    async def call() -> None:
        async with aclosing(batched(Ticker([0.0, 0.0, 1.5, 4.0], 4.5), 2, 1.0)) as batches:
            async for batch in batches:
                got.append((kit.now(), list(batch)))

    result = kata.run(call, what=what, limit=1000, raises=AttributeError)
    if result.error is not None:
        kit.fail(
            f"{what} raised {result.error!r} (at {kata.where(result.error)}): `ait` may be any "
            "async iterator, and that one has only `__anext__` (no aclose(), asend() or "
            "athrow()). Read it with `anext(ait)` or `async for`."
        )
    expect_batches(got, [(0.0, [0, 1]), (2.5, [2]), (4.5, [3])], what)


def test_items_that_look_like_an_end_marker(kata: kit.Kata) -> None:
    """Items equal to everything (==), Ellipsis and NotImplemented go into batches like any
    other: they do not end the source (compared by identity)."""
    batched = kata.get("batched", "asyncgen")
    values: list[Any] = [1, queues.EqualToAll(), ..., NotImplemented, 2]
    what = f"batched(a source of {values!r} at 0, 0.5, 1, 1.5, 2 s, size=2, max_wait=1)"
    got: list[Any] = []

    async def call() -> None:
        source = timed([0.0, 0.5, 1.0, 1.5, 2.0], 2.0, values)
        async with aclosing(batched(source, 2, 1.0)) as batches:
            async for batch in batches:
                got.extend(batch)

    def verdict(_result: kit.Run[Any]) -> None:
        for item in values:
            kit.expect(any(g is item for g in got), queues.never_got("the batches", item))

    kata.run(call, what=what, limit=1000, verdict=verdict)


def test_caller_cancelled(kata: kit.Kata) -> None:
    """The task iterating batched is cancelled: the pending read is stopped and awaited too."""
    batched = kata.get("batched", "asyncgen")
    what = "the task iterating `batched(source, 3, 1)`"

    async def consume() -> None:
        async with aclosing(batched(timed([0.0, 0.0, 10.0], 10.0), 3, 1.0)) as batches:
            async for _batch in batches:
                pass

    left = kata.run(lambda: kit.left_after_cancel(consume, at=3.0), what=what, limit=1000).value
    kit.expect(
        not left,
        f"when {what} was cancelled at 3 s, {left} task(s) batched started were still "
        "running after that task had ended. A cancellation raises CancelledError inside "
        "batched, a BaseException that `except GeneratorExit` (or `except Exception`) does "
        "not catch: cancel and await your tasks in a `finally:`, which runs for it too.",
    )


def test_a_deadline_off_the_grid(kata: kit.Kata) -> None:
    """max_wait=0.3, items at 0.07 and 0.1 s, then 5 s: [0, 1] comes at 0.37 s exactly."""
    got, what = collect(kata, [0.07, 0.1, 5.0], 5.0, 10, 0.3)
    if got and got[0][0] > 0.37 + 1e-6:
        kit.fail(
            f"{what} yielded {got[0][1]!r} at {got[0][0]:g} s; expected it at 0.37 s, max_wait "
            "after its first item (0.07 s). It came late: wait for the next item with the time "
            "left until the deadline (`deadline - loop.time()`), not in small steps that look "
            "at the clock now and then."
        )
    expect_batches(got, [(0.37, [0, 1]), (5.0, [2])], what, end=5.0)


def test_two_batched_at_once(kata: kit.Kata) -> None:
    """Two batched generators iterated at the same time by two tasks: when the first one ends
    (its source ended at 1 s), the other goes on and yields all its items on time."""
    batched = kata.get("batched", "asyncgen")
    what = (
        "two batched(..., size=10, max_wait=5) iterated at once by two tasks, the first over a "
        "source of 1 item at 0.5 s ending at 1 s, the other over items at 0.5, 1.5 and 2.5 s "
        "ending at 3 s"
    )

    async def consume(source: AsyncIterator[Any], got: list[tuple[float, list[Any]]]) -> None:
        async with aclosing(batched(source, 10, 5.0)) as batches:
            async for batch in batches:
                got.append((kit.now(), list(batch)))

    async def call() -> tuple[list[tuple[float, list[Any]]], list[tuple[float, list[Any]]], bool]:
        first: list[tuple[float, list[Any]]] = []
        other: list[tuple[float, list[Any]]] = []
        one = asyncio.create_task(consume(timed([0.5], 1.0), first))
        two = asyncio.create_task(consume(timed([0.5, 1.5, 2.5], 3.0), other))
        await asyncio.wait([one, two], timeout=60)
        ended = two.done()
        for task in (one, two):
            task.cancel()
        await asyncio.wait([one, two])
        for task in (one, two):
            if not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]
        return first, other, ended

    first, other, ended = kata.run(call, what=what, limit=1000).value or ([], [], False)
    kit.expect_equal(first, [(1.0, [0])], f"the batches of the first generator in {what}")
    kit.expect(
        ended and other == [(3.0, [0, 1, 2])],
        f"in {what}, the other batched yielded {other!r} and "
        + ("then ended" if ended else "then stopped yielding (still waiting 60 s later)")
        + "; expected [(3.0, [0, 1, 2])]: when the first batched ended, the other lost its "
        "reads. Did the first one's cleanup cancel tasks it had not started? Each batched "
        "must cancel only its own tasks (keep them in a variable made inside the generator, "
        "not in a set at module level).",
    )


LONG_CLEANUP = 300.0  # beyond any grace period a learner might give the read


def test_break_early_with_a_long_cleanup(kata: kit.Kata) -> None:
    """Breaking after the first batch, when closing the source takes 5 minutes: batched is
    closed only after the source's cleanup is over (no time limit of its own on the wait)."""
    batched = kata.get("batched", "asyncgen")
    what = (
        "breaking out of `async for batch in batched(source, 3, 1)` after the first batch, "
        f"when closing the source takes {LONG_CLEANUP:g} s"
    )
    left: list[asyncio.Task[Any]] = []

    async def source() -> AsyncIterator[int]:
        try:
            yield 0
            yield 1
            await asyncio.sleep(10.0)
            yield 2
        finally:
            await asyncio.sleep(LONG_CLEANUP)

    async def call() -> list[int]:
        got: list[int] = []
        async with aclosing(batched(source(), 3, 1.0)) as batches:
            async for batch in batches:
                got = list(batch)
                break
        me = asyncio.current_task()
        left.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())
        await asyncio.sleep(LONG_CLEANUP + 1.0)  # let any task left behind end first
        return got

    result = kata.run(call, what=what, limit=1000)
    kit.expect_equal(result.value, [0, 1], f"the first batch when {what}")
    kit.expect(
        not left,
        f"when {what} closed the generator, {len(left)} task(s) it started were still "
        "running (the source's cleanup was not over): it stopped waiting for them before "
        "they had ended. Await them however long their cleanup takes, with no time limit of "
        "your own.",
    )


class LazyTicker(Ticker):
    """A Ticker whose `__anext__` is a plain method returning a non-coroutine awaitable."""

    def __anext__(self) -> kit.NotACoroutine[Any]:  # type: ignore[override]
        return kit.NotACoroutine(Ticker.__anext__(self))


def test_an_async_iterator_whose_anext_is_not_a_coroutine(kata: kit.Kata) -> None:
    """An async iterator whose `__anext__` returns an awaitable that is not a coroutine works
    too: the read is started with any awaitable in mind."""
    batched = kata.get("batched", "asyncgen")
    what = (
        "batched(an async iterator whose __anext__ returns an awaitable that is not a "
        "coroutine, yielding at 0, 0, 1.5, 4 s and ending at 4.5 s, size=2, max_wait=1)"
    )
    got: list[tuple[float, list[Any]]] = []

    async def call() -> None:
        async with aclosing(batched(LazyTicker([0.0, 0.0, 1.5, 4.0], 4.5), 2, 1.0)) as batches:
            async for batch in batches:
                got.append((kit.now(), list(batch)))

    result = kata.run(call, what=what, limit=1000, raises=TypeError)
    if result.error is not None:
        kit.fail(
            f"{what} raised {result.error!r} (at {kata.where(result.error)}): `__anext__` may "
            "return any awaitable, and asyncio.create_task takes coroutines only. Start the "
            "read with `asyncio.ensure_future(anext(ait))`, or await `anext(ait)` inside a "
            "coroutine of your own and make the task from that."
        )
    expect_batches(got, [(0.0, [0, 1]), (2.5, [2]), (4.5, [3])], what)
