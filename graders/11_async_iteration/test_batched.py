"""Grader for 11_async_iteration/batched: lists of `size` items, or fewer after `max_wait`.

Checks (on a timed source, at exact loop times): full batches as soon as they fill; a
partial batch exactly `max_wait` after its first item; the last partial batch when the
source ends; every item once, in order, no empty batch; breaking out early leaves no task
running and does not wait for the source.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

import kit
import pytest

LOST = (
    "Did a timeout cancel a pending read? asyncio.wait_for / asyncio.timeout around anext() "
    "cancels the read when time is up, and that closes an async generator source for good. "
    "Keep the pending read in a task across batches and wait on it with "
    "asyncio.wait({task}, timeout=...), or pump the source into a queue from a task."
)


async def timed(schedule: list[float], end: float) -> AsyncIterator[int]:
    """Yield 0, 1, 2... at the loop times in `schedule`; end at loop time `end`."""
    loop = asyncio.get_running_loop()
    for i, at in enumerate(schedule):
        await asyncio.sleep(max(0.0, at - loop.time()))
        yield i
    await asyncio.sleep(max(0.0, end - loop.time()))


def collect(
    kata: kit.Kata, schedule: list[float], end: float, size: int, max_wait: float
) -> tuple[list[tuple[float, list[int]]], str]:
    """Run batched over a timed source; return (loop time, batch) pairs."""
    batched = kata.get("batched", "asyncgen")
    what = f"batched(source, size={size}, max_wait={max_wait:g})"
    got: list[tuple[float, list[int]]] = []

    async def call() -> None:
        async with aclosing(batched(timed(schedule, end), size, max_wait)) as batches:
            async for batch in batches:
                got.append((kit.now(), list(batch)))

    kata.run(call, what=what, limit=1000)
    items = [i for _, batch in got for i in batch]
    kit.expect(
        items == list(range(len(schedule))),
        f"the batches of {what} held {items!r}; expected every item once, in order: "
        f"{list(range(len(schedule)))!r}. " + (LOST if len(items) < len(schedule) else ""),
    )
    kit.expect(
        all(batch for _, batch in got),
        f"{what} yielded an empty batch ({got!r}): yield a batch only when it holds items.",
    )
    return got, what


def expect_batches(
    got: list[tuple[float, list[int]]], expected: list[tuple[float, list[int]]], what: str
) -> None:
    """Compare (loop time, batch) pairs and name the first difference."""
    for (at, batch), (want_at, want) in zip(got, expected, strict=False):
        said = f"{what} yielded {batch!r} at {at:g} s; expected {want!r} at {want_at:g} s."
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
    expect_batches(got, [(0.0, [0, 1, 2]), (0.0, [3, 4, 5]), (0.0, [6])], what)


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
    expect_batches(got, [(1.375, [0, 1, 2]), (2.5, [3, 4, 5]), (3.0, [6, 7])], what)


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

    async def call() -> list[int]:
        async with aclosing(batched(timed([0.0, 0.0, 10.0], 10.0), 3, 1.0)) as batches:
            async for batch in batches:
                return list(batch)
        return []

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
