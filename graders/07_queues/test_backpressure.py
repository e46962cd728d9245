"""Grader for 07_queues/backpressure: a producer and a consumer joined by a bounded queue.

Docstring sentence -> the check that enforces it:

- "the producer reads the source ... puts each item ... when the queue is full, `put`
  waits, so the producer never reads far ahead" -> grade(): at most `maxsize` items (plus
  one in the producer's hand and one in the sink) read ahead of the sink (a queue made
  larger than `maxsize` is named); and no polling for room (asyncio.sleep from the learner's
  file that lets time pass; a spin of sleep(0) is stopped by the watcher's limit)
  -> test_fast_source_waits_for_slow_sink
- "the consumer ... calls `await sink(item)` for each, in the source's order" -> grade():
  every item once, in order
- "one call at a time" -> grade(): the most sink calls in flight at once is 1 (several
  consumers, or a task per item, are named before the read-ahead they also cause)
- "Run a producer and a consumer at the same time" -> grade(): the pipelined loop time
- "Signal the end of the source to the consumer somehow" -> test_slow_source_fast_sink
  (a source that ends 1.5 s after its last item: a consumer already waiting in get() when
  the source ends must still learn of it; named when every item went through first)
- "Return (None) when every item has been through the sink" (not later: a consumer that
  waits for a quiet spell to end) -> grade(): the last sink call's end against the return
- "Return (None) when every item has been through the sink, with no task left running" ->
  grade() (the value returned is None) and the kit's leftover-task check; a hang is
  diagnosed from the queue's counters
- "The items may be anything, `None`, falsy values and repeats included, and the source may
  be empty" -> test_empty_source, test_any_items (Hypothesis: None, 0, "", repeats),
  test_items_that_look_like_a_sentinel (an item equal to everything, Ellipsis,
  NotImplemented, the strings "DONE" and "STOP"; compared by identity)
- "`maxsize` is at least 1" -> maxsize 1 to 3 in the checks
- "joined by `asyncio.Queue(maxsize)`" (no smaller: the producer may run `maxsize` items
  ahead) -> grade(): no queue of the learner's holds `maxsize` items, one holds fewer
- "If the caller cancels `produce_consume`, the producer and the consumer are cancelled too,
  and the `CancelledError` propagates." -> test_cancelling_stops_both (no sink call starts
  after the cancel, the one running is cancelled, no task is left running)
- "calls `await sink(item)` for each" (however long it takes: 2 hours, no time limit of the
  learner's own) -> test_a_sink_that_takes_hours
"""

from __future__ import annotations

import asyncio
import reprlib
from collections.abc import AsyncIterator, Sequence
from typing import Any

import kit
import pytest
from hypothesis import strategies as st
from kit import queues

HANG = (
    "Does the consumer learn that the source has ended (a sentinel after the last item), "
    "and does the producer's put() ever get room (is the consumer running)?"
)


@pytest.fixture(autouse=True)
def watched_queues(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """The learner's asyncio.Queue objects are WatchedQueues."""
    queues.watch_queues(kata, monkeypatch)


class Source:
    """An async iterator of 0..n-1, one item every `every` s, that watches the read-ahead."""

    def __init__(
        self, values: Sequence[Any], every: float, sink: kit.Probe, tail: float = 0.0
    ) -> None:
        self.values, self.every, self.sink, self.tail = list(values), every, sink, tail
        self.ahead = 0  # most items read from the source and not yet through the sink
        self.ended = False  # the source has raised StopAsyncIteration

    async def items(self) -> AsyncIterator[Any]:
        for i, value in enumerate(self.values):
            await asyncio.sleep(self.every)
            done = sum(1 for c in self.sink.calls if c.ended is not None)
            self.ahead = max(self.ahead, i + 1 - done)
            yield value
        if self.tail:
            await asyncio.sleep(self.tail)  # a source may take a while to notice its end
        self.ended = True


def grade(
    kata: kit.Kata,
    n: int,
    every: float,
    sink_delay: float,
    maxsize: int,
    values: Sequence[Any] | None = None,
    tail: float = 0.0,
) -> None:
    """Run produce_consume on a source of `n` items (0, 1, ... or ``values``) that ends
    ``tail`` s after its last item, and check order, read-ahead, loop time."""
    produce_consume = kata.get("produce_consume", "coroutine")
    sink = kit.Probe(delay=sink_delay)
    items = list(range(n)) if values is None else list(values)
    n = len(items)
    source = Source(items, every, sink, tail)
    shown = f"{n} items" if values is None else repr(items)
    ending = f" that ends {tail:g} s after its last item" if tail else ""
    what = (
        f"produce_consume(source of {shown} every {every:g} s{ending}, sink taking "
        f"{sink_delay:g} s, maxsize={maxsize})"
    )

    def stuck() -> str:
        """Why it hung, when the sink stopped right before a None or falsy item."""
        got = len(sink.calls)
        if got == n and source.ended and not any(q.qsize() for q in queues.WatchedQueue.made):
            return (
                f"All {n} items had been through the sink and the source had ended, but the "
                "consumer then waited in queue.get() for an item that never came: the "
                "consumer may already be waiting in get() when the source ends, so tell it "
                "through the queue (a sentinel put after the last item)."
            )
        if got < n and not items[got]:
            return (
                f"The consumer stopped at item #{got + 1}, {items[got]!r}, which never reached "
                "the sink, and the producer then waited forever for room: None, falsy "
                "values and repeats are items too. End the consumer on a sentinel of your "
                "own (`DONE = object()`), compared with `is`."
            )
        return HANG

    queues.WatchedQueue.made.clear()  # this run's queues only
    result = queues.run_hung(
        kata, lambda: produce_consume(source.items(), sink, maxsize), what, stuck
    )
    sunk = [c.args[0] for c in sink.calls]
    kit.expect(
        sunk == items and [type(x) for x in sunk] == [type(x) for x in items],
        f"{what} called the sink with {sunk!r}; expected every item once, in order: "
        f"{items!r}. One consumer should take the items from the queue in turn (None, falsy "
        "values and repeats are items too), and return only after the last one went through "
        "the sink.",
    )
    kit.expect(
        sink.peak <= 1,
        f"{what} ran {sink.peak} sink calls at once; the consumer awaits sink(item) for one "
        "item at a time, in the source's order: one consumer task, with no task per item.",
    )
    allowed = maxsize + 2
    bigger = [q.maxsize for q in queues.WatchedQueue.made if q.maxsize > maxsize]
    if source.ahead > allowed and bigger:
        kit.fail(
            f"{what} read {source.ahead} items from the source before the sink had finished "
            f"them; with maxsize={maxsize} at most {allowed} may be on their way (the queue's "
            f"{maxsize}, one in the producer's hand, one in the sink), but your queue was "
            f"asyncio.Queue({bigger[0]}), larger than maxsize: create it with "
            "asyncio.Queue(maxsize), no bigger (the end-of-source sentinel needs no room of "
            "its own: `await queue.put(sentinel)` waits for room like any item)."
        )
    sizes = [q.maxsize for q in queues.WatchedQueue.made]
    if source.ahead == allowed + 1 and maxsize in sizes and min(sizes) > 0:
        kit.fail(
            f"{what} read {source.ahead} items from the source before the sink had finished "
            f"them, one more than the {allowed} that may be on their way (the queue's "
            f"{maxsize}, one in the producer's hand, one in the sink). Your queue was "
            f"asyncio.Queue({maxsize}), as it should be, so one more item was held outside "
            "the queue: the producer reads the next item from the source only once `await "
            "queue.put(item)` for the last one has returned, and the consumer takes the next "
            "item from the queue only once sink() has finished."
        )
    kit.expect(
        source.ahead <= allowed,
        f"{what} read {source.ahead} items from the source before the sink had finished "
        f"them; with maxsize={maxsize} at most {allowed} may be on their way (the queue's "
        f"{maxsize}, one in the producer's hand, one in the sink): did you create the queue "
        "without maxsize (asyncio.Queue() is unbounded), or read the whole source first?",
    )
    if n == 0:
        expected = 0.0
    elif every <= sink_delay:  # the sink is the bottleneck: it never waits after the first item
        expected = every + n * sink_delay
    else:  # the source is the bottleneck: only the last item's sink call comes after it
        expected = n * every + sink_delay
    expected = max(expected, n * every + tail)  # it returns once the source has ended too
    ends = [c.ended for c in sink.calls if c.ended is not None]
    if ends and abs(max(ends) - expected) < 1e-6 and result.loop_time > expected + 1e-6:
        kit.fail(
            f"{what}: every item had been through the sink at {expected:g} s, but "
            f"produce_consume returned only at {result.loop_time:g} s. Return as soon as the "
            "last item is through the sink: tell the consumer at once that the source has "
            "ended (a sentinel after the last item)."
        )
    kit.expect_loop_time(
        result,
        expected,
        what,
        slower="The producer and the consumer took turns instead of running at the same time: "
        "run them as two tasks, so the source is read while the sink works.",
        faster="Did you wait until the consumer had sent the last item through the sink?",
    )
    kit.expect(
        result.value is None,
        f"{what} returned {reprlib.repr(result.value)}; expected None: produce_consume "
        "returns nothing once every item is through the sink (await the two tasks, and "
        "do not return what gather() gave).",
    )
    smaller = [size for size in sizes if 0 < size < maxsize]
    if smaller and maxsize not in sizes:
        kit.fail(
            f"{what}: your queue was asyncio.Queue({smaller[0]}), smaller than maxsize="
            f"{maxsize}, so the producer could never run {maxsize} items ahead of the sink: "
            "join the two by asyncio.Queue(maxsize), no smaller (the end-of-source sentinel "
            "needs no room of its own: `await queue.put(sentinel)` waits for room like any "
            "item)."
        )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """produce_consume is an async def."""
    kata.get("produce_consume", "coroutine")


POLLING = (
    "produce_consume called asyncio.sleep {n} time(s) while the queue was full: that is "
    "polling for room. `await queue.put(item)` waits for room by itself, and wakes the "
    "moment the consumer takes an item."
)


@pytest.mark.parametrize("maxsize", [3, 1])
def test_fast_source_waits_for_slow_sink(
    kata: kit.Kata, monkeypatch: pytest.MonkeyPatch, maxsize: int
) -> None:
    """A fast source is held back by the bounded queue (put waits, no polling); the sink
    never waits."""
    sleeps = kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=20_000)
    grade(kata, n=12, every=0.25, sink_delay=1.0, maxsize=maxsize)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))


@pytest.mark.parametrize("tail", [0.0, 1.5])
def test_slow_source_fast_sink(kata: kit.Kata, tail: float) -> None:
    """A slow source: the sink handles each item as soon as it is read; a source that ends
    a while after its last item (`tail`) does not leave the consumer waiting for more."""
    grade(kata, n=5, every=1.0, sink_delay=0.25, maxsize=2, tail=tail)


def test_empty_source(kata: kit.Kata) -> None:
    """An empty source: nothing reaches the sink, and it returns at once."""
    grade(kata, n=0, every=0.5, sink_delay=1.0, maxsize=2)


ITEMS = st.lists(st.sampled_from([None, 0, "", False, " ", "é", 1]), max_size=6)


def test_any_items(kata: kit.Kata) -> None:
    """Any items (None, 0, "", repeats), any pace, maxsize 1-3: all through, in order."""

    @kit.drawn(
        ITEMS,
        st.sampled_from([0.25, 1.0]),
        st.sampled_from([0.5, 1.0]),
        st.integers(1, 3),
        examples=[([1, None, 2], 0.25, 1.0, 1), ([0, "", 0], 1.0, 0.5, 2), ([None], 0.25, 1.0, 1)],
    )
    def check(values: list[Any], every: float, sink_delay: float, maxsize: int) -> None:
        grade(kata, len(values), every, sink_delay, maxsize, values=values)

    check()


def test_items_that_look_like_a_sentinel(kata: kit.Kata) -> None:
    """An item equal to everything (==) and Ellipsis go through the sink like any other."""
    produce_consume = kata.get("produce_consume", "coroutine")
    sink = kit.Probe(delay=0.5)
    items = [1, queues.EqualToAll(), ..., NotImplemented, "DONE", "STOP", 2]
    source = Source(items, 0.25, sink)
    what = f"produce_consume(source of {items!r} every 0.25 s, sink taking 0.5 s, maxsize=4)"

    def lost() -> list[Any]:
        return [item for item in items if not any(c.args[0] is item for c in sink.calls)]

    def stuck() -> str:
        return queues.never_got("The sink", lost()[0]) if lost() else HANG

    queues.run_hung(kata, lambda: produce_consume(source.items(), sink, 4), what, stuck)
    for item in lost()[:1]:
        kit.fail(queues.never_got("The sink", item))


def test_a_sink_that_takes_hours(kata: kit.Kata) -> None:
    """sink(0) takes 2 hours of loop time: it is awaited to its end like any other call
    (produce_consume sets no time limit of its own on a sink call)."""
    produce_consume = kata.get("produce_consume", "coroutine")
    sink = kit.Probe(delay=lambda item: 7200.0 if item == 0 else 1.0, name="sink")
    what = "produce_consume(a source of 0, 1, 2, sink, maxsize=1), sink(0) taking 2 hours,"
    seen: list[BaseException] = []

    async def source() -> AsyncIterator[int]:
        for item in range(3):
            yield item

    async def call() -> None:
        try:
            await produce_consume(source(), sink, 1)
        except (TimeoutError, ExceptionGroup) as error:
            seen.append(error)

    kata.run(call, what=what, limit=10000)
    done = [c.args[0] for c in sink.calls if c.ended is not None and not c.cancelled]
    kit.expect(
        not seen and done == [0, 1, 2],
        f"{what} "
        + (f"raised {seen[0]!r}" if seen else f"finished the sink calls {done}")
        + ": await each sink() call however long it takes, with no time limit of your own.",
    )


def test_cancelling_stops_both(kata: kit.Kata) -> None:
    """produce_consume (12 items every 0.25 s, sink taking 1 s, maxsize=3) cancelled by its
    caller at 2.1 s: it ends cancelled, the sink call running then is cancelled, and no sink
    call starts after it; no task of it is still running 5 s later."""
    produce_consume = kata.get("produce_consume", "coroutine")
    sink = kit.Probe(delay=1.0)
    source = Source(list(range(12)), 0.25, sink)
    what = (
        "produce_consume(source of 12 items every 0.25 s, sink taking 1 s, maxsize=3) "
        "cancelled by its caller at 2.1 s"
    )
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(produce_consume(source.items(), sink, 3))
        await asyncio.sleep(2.1)
        task.cancel()
        await asyncio.wait([task])
        seen["outcome"] = "cancelled" if task.cancelled() else "not cancelled"
        await asyncio.sleep(5.0)
        me = asyncio.current_task()
        seen["left"] = [t for t in asyncio.all_tasks() if t is not me and not t.done()]

    kata.run(scenario, what=what, leftover_tasks=True)
    late = [c for c in sink.calls if c.started > 2.1 + 1e-6]
    running = [c for c in sink.calls if c.ended is None or c.ended > 2.1 + 1e-6]
    if late or running or seen.get("left"):
        kit.fail(
            f"{what}: "
            + (
                f"the sink was still called {len(late)} more time(s) after that"
                if late
                else "a sink call was still running after that"
                if running
                else "a task it had started was still running 5 s later"
            )
            + ", so its consumer was left running. When produce_consume is cancelled, cancel "
            "the producer and the consumer too (`async with asyncio.TaskGroup()` does, or "
            "cancel and await them in a `finally:`)."
        )
    kit.expect(
        seen.get("outcome") == "cancelled",
        f"{what} was not cancelled: let the caller's CancelledError propagate.",
    )
