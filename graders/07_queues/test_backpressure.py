"""Grader for 07_queues/backpressure: a producer and a consumer joined by a bounded queue.

Checks: every item reaches the sink once, in order; the producer never reads more than
`maxsize` items (plus one in the producer's hand and one in the sink) ahead of the sink;
producer and consumer overlap, so the loop time is the pipelined one, not the sum.
"""

import asyncio
from collections.abc import AsyncIterator

import kit
import pytest


class Source:
    """An async iterator of 0..n-1, one item every `every` s, that watches the read-ahead."""

    def __init__(self, n: int, every: float, sink: kit.Probe) -> None:
        self.n, self.every, self.sink = n, every, sink
        self.ahead = 0  # most items read from the source and not yet through the sink

    async def items(self) -> AsyncIterator[int]:
        for i in range(self.n):
            await asyncio.sleep(self.every)
            done = sum(1 for c in self.sink.calls if c.ended is not None)
            self.ahead = max(self.ahead, i + 1 - done)
            yield i


def grade(kata: kit.Kata, n: int, every: float, sink_delay: float, maxsize: int) -> None:
    """Run produce_consume on a source of `n` items and check order, read-ahead, loop time."""
    produce_consume = kata.get("produce_consume", "coroutine")
    sink = kit.Probe(delay=sink_delay)
    source = Source(n, every, sink)
    what = (
        f"produce_consume(source of {n} items every {every:g} s, sink taking {sink_delay:g} s, "
        f"maxsize={maxsize})"
    )
    result = kata.run(
        lambda: produce_consume(source.items(), sink, maxsize),
        what=what,
        limit=1000,
        hang_hint="Does the consumer learn that the source has ended (a sentinel after the "
        "last item), and does the producer's put() ever get room (is the consumer running)?",
    )
    sunk = [c.args[0] for c in sink.calls]
    kit.expect(
        sunk == list(range(n)),
        f"{what} called the sink with {sunk!r}; expected every item once, in order: "
        f"{list(range(n))!r}. One consumer should take the items from the queue in turn, and "
        "return only after the last one went through the sink.",
    )
    allowed = maxsize + 2
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
    kit.expect_loop_time(
        result,
        expected,
        what,
        slower="The producer and the consumer took turns instead of running at the same time: "
        "run them as two tasks, so the source is read while the sink works.",
        faster="Did you wait until the consumer had sent the last item through the sink?",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """produce_consume is an async def."""
    kata.get("produce_consume", "coroutine")


@pytest.mark.parametrize("maxsize", [3, 1])
def test_fast_source_waits_for_slow_sink(kata: kit.Kata, maxsize: int) -> None:
    """A fast source is held back by the bounded queue; the sink never waits."""
    grade(kata, n=12, every=0.25, sink_delay=1.0, maxsize=maxsize)


def test_slow_source_fast_sink(kata: kit.Kata) -> None:
    """A slow source: the sink handles each item as soon as it is read."""
    grade(kata, n=5, every=1.0, sink_delay=0.25, maxsize=2)


def test_empty_source(kata: kit.Kata) -> None:
    """An empty source: nothing reaches the sink, and it returns at once."""
    grade(kata, n=0, every=0.5, sink_delay=1.0, maxsize=2)
