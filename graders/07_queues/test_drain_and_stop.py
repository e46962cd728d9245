"""Grader for 07_queues/drain_and_stop: N consumers drain a queue, then all of them stop.

Works for either stop signal: `Queue.shutdown()` (Python 3.13+) or one sentinel per consumer
(any Python).

Docstring sentence -> the check that enforces it:

- "Start `consumers` consumer tasks; each takes items ... calls `await handle(item)`" ->
  grade(): every item handled once, `consumers` at a time, in the pool's loop time
- "and then `queue.task_done()` (so `queue.join()` keeps working)" -> grade(): join()
  returns at once afterwards; test_task_done_after_handle (no task_done() for an item
  before its handle() call has finished)
- "Once every item has been handled, all consumers must stop, and `drain_and_stop` returns
  after they have" -> grade(): no handle() call cut short, the queue left empty, no task
  left running (the kit), no hang; test_consumers_done_when_it_returns (every consumer task
  already finished at the moment it returns, not only told to stop; an empty queue too,
  where queue.join() after queue.shutdown() returns before any consumer has run)
- "The items may be anything, `None` and repeats included, and the queue may be empty" ->
  test_empty_queue, test_any_items (Hypothesis: None, falsy values, repeats),
  test_items_that_look_like_a_sentinel (an item equal to everything, Ellipsis,
  NotImplemented, the strings "STOP" and "DONE"; compared by identity)
- "it may be bounded, and full" / "Put it with `await queue.put(STOP)`" ->
  test_full_bounded_queue (also a queue of 2 places for 4 consumers: the sentinels do not
  all fit even once it is drained), test_any_items (full bounded queues; a hang with the queue still
  full and no item handled names sentinels put before any consumer was started)
- "Your code must work on Python 3.11 too" -> the triangle runs on 3.11-3.13; a
  Queue.shutdown() call on 3.11/3.12 gets its own message
- "calls `await handle(item)`" (however long it takes: 2 hours, no time limit of the
  learner's own) -> test_a_handle_that_takes_hours
- "Start `consumers` consumer tasks" (however many: 100 consumers, no cap of the learner's
  own) -> test_a_large_pool
"""

from __future__ import annotations

import asyncio
import math
import sys
from collections.abc import Sequence
from typing import Any

import kit
import pytest
from hypothesis import strategies as st
from kit import queues

HANG = (
    "Some consumers never stopped: each consumer waiting in queue.get() needs its own "
    "stop signal. Put one sentinel per consumer (one sentinel stops only the consumer that "
    "gets it), or on Python 3.13+ call queue.shutdown()."
)


HANG_AFTER = 1000.0  # loop seconds after which a run counts as hung


def pool_time(n: int, delay: float, consumers: int) -> float:
    """Loop time for `consumers` handling `n` items of `delay` s each, side by side."""
    return math.ceil(n / consumers) * delay


def grade(
    kata: kit.Kata,
    n: int,
    consumers: int,
    maxsize: int = 0,
    values: Sequence[Any] | None = None,
) -> None:
    """Drain a queue of `n` items (or ``values``) with `consumers` consumers; check it all."""
    drain_and_stop = kata.get("drain_and_stop", "coroutine")
    handle = kit.Probe(delay=1.0, result=lambda item: None)
    items = [f"item{i}" for i in range(n)] if values is None else list(values)
    n = len(items)
    state: dict[str, object] = {}
    kind = f"a full queue of maxsize {maxsize}" if maxsize else "a queue"
    shown = f"{n} items" if values is None else f"the items {items!r}"
    what = f"drain_and_stop({kind} with {shown}, consumers={consumers}, handle)"

    async def call() -> None:
        queue: asyncio.Queue[str] = asyncio.Queue(maxsize)
        for item in items:
            queue.put_nowait(item)
        try:
            async with asyncio.timeout(HANG_AFTER):
                await drain_and_stop(queue, consumers, handle)
        except TimeoutError:
            state["hung"] = True
            state["full"] = queue.full()
            return
        state["left"] = queue.qsize()
        joined = asyncio.ensure_future(queue.join())
        await asyncio.sleep(0)
        state["joined"] = joined.done()
        joined.cancel()
        await asyncio.wait([joined])

    def hung(_result: object) -> None:
        if not state.get("hung"):
            return
        if maxsize and state.get("full") and not handle.calls:
            kit.fail(
                f"{what} never finished: it waited with the queue still full and no item "
                "handled. A put() on a full queue waits until a consumer takes an item: "
                "start the consumer tasks first, then put the sentinels."
            )
        kit.fail(
            f"{what} never finished: still waiting after {HANG_AFTER:g} s of loop time. {HANG}"
        )

    result = kata.run(
        call,
        what=what,
        limit=2 * HANG_AFTER,
        hang_hint=HANG,
        raises=(AttributeError, asyncio.QueueFull),
        verdict=hung,
    )
    if isinstance(result.error, asyncio.QueueFull):
        kit.fail(
            f"{what} raised QueueFull: the queue is bounded and was full, so put_nowait() "
            "could not add a sentinel. Use `await queue.put(sentinel)`: it waits until a "
            "consumer has made room."
        )
    if isinstance(result.error, AttributeError):
        if "shutdown" in str(result.error):
            kit.fail(
                f"{what} raised AttributeError ({result.error}): Queue.shutdown() exists only "
                f"on Python 3.13+, and this is {sys.version_info.major}."
                f"{sys.version_info.minor}. Put one sentinel per consumer instead, or branch "
                "on `sys.version_info >= (3, 13)`."
            )
        kit.fail(f"{what} raised AttributeError: {result.error}.")
    cut = [c.args[0] for c in handle.cancelled]
    if cut:
        kit.fail(
            f"{what} cancelled handle({cut[0]!r}) while it ran: the consumers were stopped as "
            "soon as the queue looked empty, but the last items were still being handled. "
            "Stop them only after they finished: a sentinel or queue.shutdown() is seen only "
            "once a consumer is done with its item."
        )
    handled = sorted((c.args[0] for c in handle.calls), key=repr)
    missing = list(items)
    for item in handled:
        if item in missing:
            missing.remove(item)
    kit.expect(
        handled == sorted(items, key=repr),
        f"{what} handled {handled!r}; expected every item exactly once: "
        f"{sorted(items, key=repr)!r}."
        + (
            " A None (or falsy) item is an item too: a sentinel must be an object of its "
            "own (`STOP = object()`), compared with `is`."
            if missing and all(not item for item in missing)
            else ""
        ),
    )
    kit.expect(
        state.get("left") == 0,
        f"after {what} the queue still held {state.get('left')} item(s); expected it empty "
        "(every item, and every sentinel, taken by a consumer).",
    )
    kit.expect(
        state.get("joined") is True,
        f"after {what}, queue.join() still waited: call queue.task_done() once for every "
        "item a consumer gets (sentinels too), so the queue knows the work is done.",
    )
    want_peak = min(n, consumers)
    kit.expect(
        handle.peak == want_peak,
        f"{what} ran {handle.peak} handle() calls at once; expected {want_peak}: start "
        "`consumers` consumer tasks, as many as asked (no cap of your own), before waiting "
        "for any of them.",
    )
    kit.expect_loop_time(
        result,
        pool_time(n, 1.0, consumers),
        what,
        slower="The consumers did not all keep busy, or stopping them waited for something "
        "(polling with sleep?): each should take its next item as soon as it is free, and "
        "stop as soon as the queue is drained.",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """drain_and_stop is an async def."""
    kata.get("drain_and_stop", "coroutine")


@pytest.mark.parametrize(("n", "consumers"), [(6, 3), (7, 2), (5, 1), (2, 4)])
def test_drains_then_stops(kata: kit.Kata, n: int, consumers: int) -> None:
    """Every item handled, `consumers` at a time, then every consumer stopped."""
    grade(kata, n, consumers)


@pytest.mark.parametrize(("n", "consumers"), [(6, 3), (2, 4)])
def test_full_bounded_queue(kata: kit.Kata, n: int, consumers: int) -> None:
    """A bounded queue that is full: stop signals must wait for room; also one with fewer
    places (2) than consumers (4), where the stop signals do not all fit even once it is
    drained."""
    grade(kata, n, consumers, maxsize=n)


def test_empty_queue(kata: kit.Kata) -> None:
    """An empty queue: the consumers stop at once."""
    grade(kata, 0, 3)


ITEMS = st.lists(st.sampled_from([None, 0, "", " ", "é", "a", "a"]), max_size=6)


def test_any_items(kata: kit.Kata) -> None:
    """Any items (None, falsy values, repeats), 1-4 consumers, full bounded queues too."""

    @kit.drawn(
        ITEMS,
        st.integers(1, 4),
        st.booleans(),
        examples=[([None, "a", None], 2, False), (["a", 0, "a", ""], 3, True), ([None], 2, True)],
    )
    def check(values: list[Any], consumers: int, full: bool) -> None:
        grade(kata, len(values), consumers, maxsize=len(values) if full else 0, values=values)

    check()


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("n", [4, 0])
def test_consumers_done_when_it_returns(kata: kit.Kata, n: int) -> None:
    """When drain_and_stop returns, every consumer task has already finished (awaited, not
    just told to stop): the kit's check sees the tasks left at the moment it returns. An
    empty queue too: there queue.join() returns before any consumer has run."""
    drain_and_stop = kata.get("drain_and_stop", "coroutine")
    handle = kit.Probe(delay=1.0, result=lambda item: None)
    what = f"drain_and_stop(a queue with {n} items, consumers=2, handle)"

    async def call() -> None:
        queue: asyncio.Queue[str] = asyncio.Queue()
        for i in range(n):
            queue.put_nowait(f"item{i}")
        await drain_and_stop(queue, 2, handle)  # nothing awaited after it: no grace step

    kata.run(call, what=what, limit=1000, hang_hint=HANG)


def test_task_done_after_handle(kata: kit.Kata) -> None:
    """task_done() for an item comes only after its handle() call has finished."""
    drain_and_stop = kata.get("drain_and_stop", "coroutine")
    probe = kit.Probe(delay=1.0, result=lambda item: None)
    what = "drain_and_stop(a queue with 4 items, consumers=2, handle)"
    queue = queues.WatchedQueue()  # counts the items taken and the task_done() calls
    counts = {"started": 0, "ended": 0}
    early: list[Any] = []

    async def handle(item: Any) -> None:
        counts["started"] += 1
        # Items taken and not handled yet are sentinels (or this very item): only those,
        # and the items whose handle() ended, may have had their task_done().
        if queue.done_calls > counts["ended"] + queue.taken - counts["started"]:
            early.append(item)
        try:
            await probe(item)
        finally:
            counts["ended"] += 1

    async def call() -> None:
        for i in range(4):
            queue.put_nowait(f"item{i}")
        await drain_and_stop(queue, 2, handle)

    kata.run(call, what=what, limit=1000, hang_hint=HANG)
    kit.expect(
        not early,
        f"{what} called queue.task_done() for {early[0] if early else None!r} before its "
        "handle() call had finished, so queue.join() would count it as done while it was "
        "still being handled: call task_done() after `await handle(item)`, in a `finally:`.",
    )


def test_items_that_look_like_a_sentinel(kata: kit.Kata) -> None:
    """An item equal to everything (==) and Ellipsis are handled like any other item."""
    drain_and_stop = kata.get("drain_and_stop", "coroutine")
    handle = kit.Probe(delay=1.0, result=lambda item: None)
    items = ["a", queues.EqualToAll(), ..., NotImplemented, "STOP", "DONE", "b"]
    what = f"drain_and_stop(a queue with the items {items!r}, consumers=2, handle)"

    async def call() -> None:
        queue: asyncio.Queue[Any] = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        await drain_and_stop(queue, 2, handle)

    kata.run(call, what=what, limit=1000, hang_hint=HANG)
    got = [c.args[0] for c in handle.calls]
    for item in items:
        kit.expect(any(g is item for g in got), queues.never_got("handle()", item))


def test_a_handle_that_takes_hours(kata: kit.Kata) -> None:
    """handle('item0') takes 2 hours of loop time: it is awaited to its end like any other
    (drain_and_stop sets no time limit of its own on a handle call)."""
    drain_and_stop = kata.get("drain_and_stop", "coroutine")
    handle = kit.Probe(delay=lambda item: 7200.0 if item == "item0" else 1.0, name="handle")
    what = (
        "drain_and_stop(a queue with 3 items, consumers=2, handle), handle('item0') taking 2 hours,"
    )
    seen: list[BaseException] = []

    async def call() -> None:
        queue: asyncio.Queue[str] = asyncio.Queue()
        for i in range(3):
            queue.put_nowait(f"item{i}")
        try:
            await drain_and_stop(queue, 2, handle)
        except TimeoutError as error:
            seen.append(error)

    kata.run(call, what=what, limit=10000)
    cut = [c.args[0] for c in handle.calls if c.cancelled or c.ended is None]
    kit.expect(
        not seen and not cut,
        f"{what} "
        + ("raised TimeoutError" if seen else f"cut short handle({cut[0]!r})" if cut else "")
        + ": await each handle() call however long it takes, with no time limit of your own.",
    )


def test_a_large_pool(kata: kit.Kata) -> None:
    """200 items with consumers=100: 100 handle() calls at once, drained and stopped after
    2 s (no cap of the code's own on the number of consumers)."""
    grade(kata, 200, 100)
