"""Grader for 07_queues/worker_pool: `workers` tasks share one queue of items.

Docstring sentence -> the check that enforces it:

- "start exactly `workers` worker tasks" / "At most `workers` handler calls run at once,
  and with enough items exactly `workers`" -> test_results_with_a_pool_of_workers (peak),
  test_any_items
- "let each worker loop: take ... run ... keep the result ... task_done()" / "Wait with
  `await queue.join()`" -> the loop-time checks (a free worker takes the next item at once:
  test_mixed_durations); a hang is diagnosed from the queue's own counters (join() waiting
  while task_done() was called fewer times than items were taken)
- "then stop the workers ... cancel them and await them" / "No worker task may be left
  running" -> the kit's check that no task is left running, in every check
- "nor when it is cancelled: then it cancels its workers, awaits them, and lets the
  CancelledError out" -> test_cancelled_while_working (the handler's cleanup takes a few
  loop steps; a worker that swallows its cancellation is named from the items it took
  afterwards; no handler call starts after the cancellation),
  test_cancelled_with_a_slow_cleanup (one worker's cleanup takes 0.5 s, the other's none:
  both awaited to their end, not only the first); "lets the CancelledError out" (that very
  one, its message included, not a new one) -> test_cancellation_comes_out_as_it_is
- "Return the list of results, in any order" -> every check compares as multisets;
  test_two_calls_at_once (each call returns the results of its own items)
- "If `handler(item)` raises, the pool keeps going: put the exception object in the
  results" / "task_done() in a `finally:`" -> test_a_failing_item_does_not_stop_the_pool,
  test_a_failing_item_is_done_once (task_done() once per item, no more)
- "`items` may be any iterable (a generator too ...), may be empty, and may hold repeated
  items and `None`" -> test_items_from_a_generator, test_no_items, test_any_items
  (Hypothesis: duplicates, None, blank and non-ASCII text),
  test_items_that_look_like_a_sentinel (an item equal to everything, Ellipsis,
  NotImplemented, "STOP"; compared by identity)
- "Put every item in an `asyncio.Queue` ... Wait with `await queue.join()` until every item
  is done" (a handler that returns without awaiting anything too: a join() awaited while
  items are still being put returns early, named when process_all returned before it had
  read every item) -> test_a_handler_that_finishes_at_once
- "nor when it is cancelled: then it cancels its workers, awaits them" (however long their
  cleanup takes: a 300 s cleanup, beyond a grace period of the learner's own) ->
  test_cancelled_with_a_long_cleanup
- "run `await handler(item)`, keep the result" (however long it takes: 2 hours, no time limit
  of the learner's own) -> test_a_handler_that_takes_hours
- "run `await handler(item)`, keep the result" (whatever it is: a result of None, 0, '',
  False or [] is kept like any other) -> test_falsy_results_are_kept
- "start exactly `workers` worker tasks" (however many: 100 workers, no cap of the learner's
  own) -> test_a_large_pool
"""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Iterator, Sequence
from typing import Any

import kit
import pytest
from hypothesis import strategies as st
from kit import queues

HANG = (
    "Something awaits forever: queue.join() returns only once every item got its "
    "task_done(), and a worker waiting in queue.get() waits until it is cancelled."
)
HANG_ON_ERROR = (
    "A handler raised, and the pool then waited forever: a failed item must still be counted "
    "as done (queue.task_done() in a `finally:`), and its worker must live on."
)

FASTER = (
    "That is faster than `workers` workers can go: more handler calls ran at once than the "
    "pool allows (one task per item?)."
)


@pytest.fixture(autouse=True)
def watched_queues(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """The learner's asyncio.Queue objects are WatchedQueues."""
    queues.watch_queues(kata, monkeypatch)


def pool_time(delays: Sequence[float], workers: int) -> float:
    """Loop time for a pool of `workers` taking items in order, each as soon as it is free."""
    free = [0.0] * workers
    end = 0.0
    for delay in delays:
        start = heapq.heappop(free)
        end = max(end, start + delay)
        heapq.heappush(free, start + delay)
    return end


def same_items(actual: object, expected: list[object]) -> bool:
    """True if `actual` is a list holding exactly `expected`, in any order."""
    return isinstance(actual, list) and sorted(actual, key=repr) == sorted(expected, key=repr)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """process_all is an async def."""
    kata.get("process_all", "coroutine")


@pytest.mark.parametrize(("n", "workers"), [(10, 3), (4, 4), (5, 1), (3, 5)])
def test_results_with_a_pool_of_workers(kata: kit.Kata, n: int, workers: int) -> None:
    """All results come back, with `workers` handler calls in flight at once."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    items = list(range(n))
    what = f"process_all({n} items, handler, workers={workers})"
    result = queues.run_hung(kata, lambda: process_all(items, handler, workers), what, HANG)
    expected = [("result", i) for i in items]
    kit.expect(
        same_items(result.value, expected),
        f"{what} returned {result.value!r}; expected a list of all {n} results (any order), "
        f"{expected!r}. Did every worker keep its handler's result?",
    )
    kit.expect_equal(
        sorted(c.args[0] for c in handler.calls),
        items,
        f"the items handled by {what}",
        "Each item must be handled exactly once.",
    )
    want_peak = min(n, workers)
    kit.expect(
        handler.peak <= want_peak,
        f"{what} ran {handler.peak} handler calls at once; at most {want_peak} may run. "
        "Start exactly `workers` worker tasks, not one task per item.",
    )
    kit.expect(
        handler.peak == want_peak,
        f"{what} ran only {handler.peak} handler call(s) at once; expected {want_peak}. "
        "Start all `workers` workers before waiting, so they take items side by side.",
    )
    kit.expect_loop_time(
        result,
        pool_time([1.0] * n, workers),
        what,
        slower="The workers did not all keep busy: each should take the next item as soon "
        "as it finishes one.",
        faster=FASTER,
    )


def test_mixed_durations(kata: kit.Kata) -> None:
    """A free worker takes the next item at once: the loop time is the pool's schedule."""
    process_all = kata.get("process_all", "coroutine")
    delays = {0: 3.0, 1: 1.0, 2: 2.0, 3: 1.0, 4: 1.0, 5: 2.0, 6: 0.5}
    handler = kit.Probe(delay=delays)
    what = "process_all(7 items of 0.5 to 3 s, handler, workers=2)"
    result = queues.run_hung(kata, lambda: process_all(list(delays), handler, 2), what, HANG)
    kit.expect(
        same_items(result.value, [("result", i) for i in delays]),
        f"{what} returned {result.value!r}; expected all 7 results in any order.",
    )
    kit.expect_loop_time(
        result,
        pool_time(list(delays.values()), 2),
        what,
        slower="A worker sat idle while items waited: did the workers take turns in lockstep "
        "(gather a batch of `workers`, then the next batch) instead of each pulling its next "
        "item from the queue as soon as it is free?",
        faster=FASTER,
    )


def test_a_failing_item_does_not_stop_the_pool(kata: kit.Kata) -> None:
    """A handler that raises: its exception takes its place, the other items still run."""
    process_all = kata.get("process_all", "coroutine")
    error = ValueError("bad item 2")
    handler = kit.Probe(delay=1.0, errors={2: error})
    items = list(range(6))
    what = "process_all(6 items, handler that raises for item 2, workers=2)"
    result = queues.run_hung(
        kata, lambda: process_all(items, handler, 2), what, HANG_ON_ERROR, raises=ValueError
    )
    if result.error is not None:
        kit.fail(
            f"{what} raised the handler's {result.error!r}; a failed item must not stop "
            "the pool: catch the exception in the worker and put it in the results in that "
            "item's place."
        )
    value = result.value if isinstance(result.value, list) else []
    kit.expect(
        any(x is error for x in value),
        f"{what} returned {result.value!r}, without the handler's ValueError: put the "
        "exception object in the results in place of the failed item's result (a worker "
        "that lets it escape dies, and the error is lost).",
    )
    others = [x for x in value if x is not error]
    expected = [("result", i) for i in items if i != 2]
    kit.expect(
        same_items(others, expected),
        f"besides the error, {what} returned {others!r}; expected {expected!r} in any order.",
    )
    kit.expect_loop_time(
        result,
        3.0,
        what,
        slower="After the failure fewer workers were left: did the exception kill a worker?",
        faster=FASTER,
    )


def test_a_failing_item_is_done_once(kata: kit.Kata) -> None:
    """One worker, the middle item fails: the last item is still handled (a second
    task_done() for the failed item would let join() return before it)."""
    process_all = kata.get("process_all", "coroutine")
    error = ValueError("bad item 1")
    handler = kit.Probe(delay=1.0, errors={1: error})
    what = "process_all([0, 1, 2], handler that raises for item 1, workers=1)"
    queues.WatchedQueue.made.clear()
    result = queues.run_hung(
        kata, lambda: process_all([0, 1, 2], handler, 1), what, HANG_ON_ERROR, raises=Exception
    )
    extra = [q for q in queues.WatchedQueue.made if q.done_calls > q.taken]
    if extra:
        kit.fail(
            f"{what}: task_done() was called {extra[0].done_calls} time(s) for "
            f"{extra[0].taken} item(s) taken, so join() returned before the last item was "
            f"handled (it returned {result.value!r}). Call task_done() exactly once per item, "
            "in a `finally:` and nowhere else for that item."
        )
    value = result.value if isinstance(result.value, list) else []
    kit.expect(
        len(value) == 3 and any(x is error for x in value),
        f"{what} returned {result.value!r}; expected the results of items 0 and 2 and the "
        "handler's ValueError.",
    )


def test_no_items(kata: kit.Kata) -> None:
    """No items: an empty list, at once, and no worker left behind."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    what = "process_all([], handler, workers=3)"
    result = queues.run_hung(kata, lambda: process_all([], handler, 3), what, HANG)
    kit.expect_equal(result.value, [], f"the result of {what}")
    kit.expect_loop_time(result, 0.0, what)


def test_items_from_a_generator(kata: kit.Kata) -> None:
    """Items given as a generator are all handled (it can be gone through only once)."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    what = "process_all((i for i in range(5)), handler, workers=2)"
    result = queues.run_hung(
        kata, lambda: process_all((i for i in range(5)), handler, 2), what, HANG, raises=TypeError
    )
    if isinstance(result.error, TypeError):
        kit.fail(
            f"{what} raised TypeError: {result.error}. `items` may be any iterable, a "
            "generator too: go through it once (a for loop that fills the queue), without "
            "len() or indexing."
        )
    kit.expect(
        same_items(result.value, [("result", i) for i in range(5)]),
        f"{what} returned {result.value!r}; expected the 5 results in any order. A generator "
        "can be gone through only once: fill the queue in one pass.",
    )


ITEMS = st.lists(
    st.one_of(st.none(), st.integers(0, 2), st.sampled_from(["", " ", "é"])), max_size=7
)


def test_any_items(kata: kit.Kata) -> None:
    """Any items (repeats, None, blank text), 1-4 workers: one result per item, pool time."""
    process_all = kata.get("process_all", "coroutine")

    @kit.drawn(
        ITEMS,
        st.integers(1, 4),
        examples=[([None, 1, 1, None], 2), ([" ", "é", " "], 3), (["only"], 2)],
    )
    def check(items: list[Any], workers: int) -> None:
        handler = kit.Probe(delay=1.0)
        what = f"process_all({items!r}, handler, workers={workers})"
        result = queues.run_hung(
            kata, lambda: process_all(list(items), handler, workers), what, HANG
        )
        expected = [("result", item) for item in items]
        kit.expect(
            same_items(result.value, expected),
            f"{what} returned {result.value!r}; expected one result per item, repeats and "
            f"None included, in any order: {expected!r}.",
        )
        kit.expect(
            handler.peak <= workers,
            f"{what} ran {handler.peak} handler calls at once; at most {workers} may run.",
        )
        kit.expect_loop_time(result, pool_time([1.0] * len(items), workers), what, faster=FASTER)

    check()


def test_cancelled_while_working(kata: kit.Kata) -> None:
    """Cancelled while handler calls run: the workers are cancelled and awaited (their cleanup
    takes a few loop steps), and the CancelledError comes out."""
    process_all = kata.get("process_all", "coroutine")
    probe = kit.Probe(delay=2.0)
    cleaning = [0]

    async def handler(item: Any) -> Any:
        cleaning[0] += 1
        try:
            return await probe(item)
        finally:
            try:
                for _ in range(3):
                    await asyncio.sleep(0)
            finally:
                cleaning[0] -= 1

    what = "process_all(...), cancelled at 1 s while handler calls ran,"

    def stuck() -> str:
        late = [c for c in probe.calls if c.started > 1.0]
        if late:
            return (
                f"A worker went on with a new item at {late[0].started:g} s, after it was "
                "cancelled: catch `Exception` around the handler call, not BaseException "
                "(CancelledError is a BaseException, and a worker that swallows it never stops)."
            )
        return HANG

    state = queues.cancel_midway(
        kata,
        lambda: process_all(list(range(6)), handler, 2),
        1.0,
        what,
        stuck,
        lambda: cleaning[0],
    )
    kit.expect(
        not state.tasks and not state.cleaning,
        f"when {what} ended, {len(state.tasks)} worker task(s) were still "
        "running (finishing their cleanup): cancel the workers and then await them "
        "(`await asyncio.gather(*tasks, return_exceptions=True)`), not just give them one "
        "loop step.",
    )
    for call in [c for c in probe.calls if c.started > 1.0][:1]:
        kit.fail(
            f"{what} went on working: handler({call.args[0]!r}) started at {call.started:g} s, "
            "after process_all was cancelled at 1 s. A cancelled pool stops at once: cancel "
            "the workers right away and await them, without letting them finish the queued "
            "items first."
        )


# Checked last: earlier wrong answers fail the checks above first.


def _cancelled_while_cleaning(kata: kit.Kata, cleanup: float, what: str) -> queues.Left:
    """Run process_all over six items, two workers, with handler calls of which item 1's
    cleanup takes ``cleanup`` s of loop time (the other worker's ends at once), cancel it at
    1 s, and return what was left when it ended."""
    process_all = kata.get("process_all", "coroutine")
    probe = kit.Probe(delay=2.0)
    cleaning: list[Any] = []

    async def handler(item: Any) -> Any:
        try:
            return await probe(item)
        finally:
            if item == 1:  # one slow cleanup; the other worker's ends at once
                cleaning.append(item)
                try:
                    await asyncio.sleep(cleanup)
                finally:
                    cleaning.remove(item)

    return queues.cancel_midway(
        kata,
        lambda: process_all(list(range(6)), handler, 2),
        1.0,
        what,
        HANG,
        lambda: len(cleaning),
        grace=cleanup + 1.0,
    )


def test_cancelled_with_a_slow_cleanup(kata: kit.Kata) -> None:
    """Cancelled while two handler calls run, one of which needs 0.5 s of loop time to clean
    up while the other ends at once: process_all ends only after both workers have ended."""
    what = "process_all(...), cancelled at 1 s while a handler call needed 0.5 s to clean up,"
    state = _cancelled_while_cleaning(kata, 0.5, what)
    kit.expect(
        not state.tasks and not state.cleaning,
        f"when {what} ended, {len(state.tasks)} worker task(s) were still "
        "running (one still cleaning up): await every cancelled worker to its end. "
        "`await asyncio.gather(*tasks)` without return_exceptions=True stops waiting as soon "
        "as the first one ends cancelled; use return_exceptions=True, or a TaskGroup.",
    )


def test_items_that_look_like_a_sentinel(kata: kit.Kata) -> None:
    """An item equal to everything (==), Ellipsis, NotImplemented and "STOP" are handled
    like any other item (compared by identity)."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    items: list[Any] = [1, queues.EqualToAll(), ..., NotImplemented, "STOP", 2]
    what = f"process_all({items!r}, handler, workers=2)"
    queues.run_hung(kata, lambda: process_all(list(items), handler, 2), what, HANG)
    got = [c.args[0] for c in handler.calls]
    for item in items:
        kit.expect(any(g is item for g in got), queues.never_got("The handler", item))


def test_two_calls_at_once(kata: kit.Kata) -> None:
    """Two process_all calls running at the same time each return their own results."""
    process_all = kata.get("process_all", "coroutine")
    first, second = kit.Probe(delay=1.0), kit.Probe(delay=1.0)
    what = (
        "two process_all calls running at the same time, on [1, 2, 3] with workers=2 and on "
        "[10, 20] with workers=1,"
    )

    async def both() -> list[Any]:
        return list(
            await asyncio.gather(process_all([1, 2, 3], first, 2), process_all([10, 20], second, 1))
        )

    result = queues.run_hung(kata, both, what, HANG)
    a, b = result.value or [None, None]
    want_a, want_b = [("result", i) for i in (1, 2, 3)], [("result", i) for i in (10, 20)]
    if same_items(a, want_a) and same_items(b, want_b):
        return
    lists = [x if isinstance(x, list) else [] for x in (a, b)]
    mixed = any(x in want_b for x in lists[0]) or any(x in want_a for x in lists[1])
    kit.fail(
        f"{what} returned {a!r} and {b!r}; expected {want_a!r} and {want_b!r} (in any order)"
        + (
            ": the results of one call showed up in the other's list, so the calls shared "
            "it. Keep each call's results in a list made inside process_all."
            if mixed
            else ": each call returns the results of its own items."
        )
    )


def test_cancellation_comes_out_as_it_is(kata: kit.Kata) -> None:
    """Cancelled at 1 s with task.cancel("user gave up") while handler calls run: after
    stopping its workers, process_all lets that very CancelledError out, message included."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=2.0)
    what = (
        'process_all(6 items, handler, workers=2), cancelled at 1 s with task.cancel("user '
        'gave up")'
    )

    async def scenario() -> Any:
        task = asyncio.ensure_future(process_all(list(range(6)), handler, 2))
        await asyncio.sleep(1.0)
        return await kit.cancelled_args(task, "user gave up")

    result = queues.run_hung(kata, scenario, what, HANG)
    kit.expect_the_callers_cancellation(
        result.value,
        "user gave up",
        what,
        "after cancelling and awaiting the workers, let that very CancelledError out (a "
        "bare `raise`, or `finally:` with no `except` for it)",
    )


def test_a_handler_that_finishes_at_once(kata: kit.Kata) -> None:
    """A handler that returns without awaiting anything (a cached answer, say): every item of
    a generator is still handled, however few loop steps it takes."""
    process_all = kata.get("process_all", "coroutine")
    read: list[int] = []  # the items read from the generator so far

    async def handler(item: int) -> int:
        return item * 2

    def feed() -> Iterator[int]:
        for item in range(10):
            read.append(item)
            yield item

    what = (
        "process_all(10 items from a generator, handler, workers=2) with a handler that "
        "returns at once, without awaiting anything"
    )
    result = queues.run_hung(kata, lambda: process_all(feed(), handler, 2), what, HANG)
    want = [2 * i for i in range(10)]
    if same_items(result.value, want):
        return
    kit.fail(
        f"{what} returned {result.value!r}; expected {want!r} (in any order): every item "
        "must be handled, however quick the handler is"
        + (
            f": it returned having read only {len(read)} of the 10 items from the generator. "
            "Put every item in the queue before you await its join() (a join() awaited while "
            "items are still being put returns as soon as the items put so far are done)."
            if len(read) < 10
            else "."
        )
    )


LONG_CLEANUP = 300.0  # beyond any grace period a learner might give the workers


def test_cancelled_with_a_long_cleanup(kata: kit.Kata) -> None:
    """Cancelled while a handler call runs whose cleanup takes 5 minutes of loop time:
    process_all still ends only after that worker has ended (no time limit of its own)."""
    what = (
        f"process_all(...), cancelled at 1 s while a handler call needed {LONG_CLEANUP:g} s "
        "to clean up,"
    )
    state = _cancelled_while_cleaning(kata, LONG_CLEANUP, what)
    kit.expect(
        not state.tasks and not state.cleaning,
        f"when {what} ended, {len(state.tasks)} worker task(s) were still running (one still "
        "cleaning up): it stopped waiting for its cancelled workers before they had ended. "
        "Await them however long their cleanup takes, with no time limit of your own.",
    )


def test_a_handler_that_takes_hours(kata: kit.Kata) -> None:
    """handler(0) takes 2 hours of loop time: its result is kept like any other (the pool
    sets no time limit of its own on a handler call)."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=lambda item: 7200.0 if item == 0 else 1.0)
    what = "process_all([0, 1, 2], handler, workers=2), handler(0) taking 2 hours,"
    result = kata.run(lambda: process_all([0, 1, 2], handler, 2), what=what, limit=10000)
    want = [("result", i) for i in (0, 1, 2)]
    if same_items(result.value, want):
        return
    timed_out = isinstance(result.value, list) and any(
        isinstance(r, TimeoutError) for r in result.value
    )
    kit.fail(
        f"{what} returned {result.value!r}; expected {want!r} (in any order): a handler call "
        "is awaited however long it takes"
        + (
            ": a TimeoutError of your own took its result's place. Set no time limit on it."
            if timed_out
            else "."
        )
    )


def test_falsy_results_are_kept(kata: kit.Kata) -> None:
    """A handler returning None, 0, '', False and [] for items 0 to 4, and ("result", 5) for
    item 5: all six results come back (a falsy result is a result like any other)."""
    process_all = kata.get("process_all", "coroutine")
    falsy: list[Any] = [None, 0, "", False, []]
    handler = kit.Probe(delay=1.0, result=lambda i: falsy[i] if i < len(falsy) else ("result", i))
    items = list(range(6))
    what = (
        "process_all(6 items, a handler returning None, 0, '', False, [] and ('result', 5), "
        "workers=2)"
    )
    result = queues.run_hung(kata, lambda: process_all(items, handler, 2), what, HANG)
    want = [*falsy, ("result", 5)]
    kit.expect(
        same_items(result.value, want),
        f"{what} returned {result.value!r}; expected all six results, in any order: {want!r}. "
        "Keep every handler result, whatever it is: None, 0, '' or [] are results like any "
        "other.",
    )


def test_a_large_pool(kata: kit.Kata) -> None:
    """200 items of 1 s with workers=100: 100 handler calls at once, all done after 2 s (no
    cap of the code's own on the number of workers)."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    items = list(range(200))
    what = "process_all(200 items of 1 s, handler, workers=100)"
    result = queues.run_hung(kata, lambda: process_all(items, handler, 100), what, HANG)
    kit.expect(
        same_items(result.value, [("result", i) for i in items]),
        f"{what} returned {len(result.value or [])} results; expected all 200, in any order.",
    )
    kit.expect(
        handler.peak == 100,
        f"{what} ran at most {handler.peak} handler calls at once; expected 100: start exactly "
        "`workers` worker tasks, however many that is (no cap of your own).",
    )
    kit.expect_loop_time(result, 2.0, what, faster=FASTER)
