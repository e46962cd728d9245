"""Grader for 11_async_iteration/merge: the items of several async iterators, as they arrive.

Docstring sentence -> the check that enforces it (timed sources, exact loop times):

- "reads all the async iterators at the same time and yields each item as soon as it
  arrives, whichever iterator it comes from" -> test_interleaved_as_they_arrive,
  test_uneven_sources, test_any_sources
- "(any item, `None` included; two items arriving in the same instant may come out in
  either order)" -> test_any_sources (Hypothesis: None, 0, "", ties within and across
  sources; items of one instant compared as a multiset)
- "It ends when every iterator has ended" -> test_no_sources, test_uneven_sources (an empty
  source), test_any_sources, expect_stream (names a merge that ended with items to come)
- "If one of them raises, `merge` raises that exception (after stopping the others)" ->
  test_a_failing_source (at once, with no task left running)
- "If the caller stops early ... nothing may be left running" -> test_break_early (the
  sources' cleanup takes a few loop steps, so a cancel followed by one `asyncio.sleep(0)`
  is not enough)
  and test_break_early_with_a_slow_cleanup (one source closes at once, the other takes
  0.5 s: every task awaited to its end, not only the first one)
- "(any item ...)" (an exception object yielded as an item is an item too) ->
  test_exception_objects_are_items
- "reads all the async iterators" (any async iterator, not only an async generator) ->
  test_any_async_iterators
- "(any item ...)" (an item equal to everything, Ellipsis, NotImplemented: not the end of
  its source) -> test_items_that_look_like_an_end_marker (compared by identity)
- "nothing may be left running" / "Cancel and await your tasks in a `finally:`" (the task
  iterating merge cancelled) -> test_caller_cancelled
- "It ends when every iterator has ended" (at that moment) and "If one of them raises,
  `merge` raises that exception" (at that moment, also while merge waits for items) ->
  test_ends_and_raises_on_time (a merge that looks now and then, a wait with a timeout,
  ends or raises late)
- "nothing may be left running" / "Cancel and await your tasks" (your own tasks only: two
  merges at once, the first ending does not stop the other's reads) -> test_two_merges_at_once
- "reads all the async iterators" (one whose `__anext__` returns an awaitable that is not a
  coroutine, which asyncio.create_task refuses) ->
  test_async_iterators_whose_anext_is_not_a_coroutine
- "Cancel and await your tasks in a `finally:`" (however long a source takes to close: 300 s,
  beyond a grace period of the learner's own) -> test_break_early_with_a_long_cleanup
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

import kit
from hypothesis import strategies as st
from kit import queues

ONE_AFTER_ANOTHER = (
    "items must come out as they arrive, from whichever source is ready first: did you "
    "iterate the sources one after another? Keep one pending read per source (tasks and "
    "asyncio.wait(..., return_when=FIRST_COMPLETED)), or pump each source into a queue."
)


async def ticks(
    tag: str, gaps: list[float], error: BaseException | None = None
) -> AsyncIterator[str]:
    """Yield 'tag0', 'tag1'... each after its gap in seconds; then raise `error` if given."""
    try:
        for i, gap in enumerate(gaps):
            await asyncio.sleep(gap)
            yield f"{tag}{i}"
        if error is not None:
            raise error
    finally:
        for _ in range(3):  # a real source's cleanup takes a few loop steps
            await asyncio.sleep(0)


def collect(kata: kit.Kata, sources: dict[str, list[float]], what: str) -> list[tuple[float, str]]:
    """Run merge over `ticks` sources; return (loop time, item) pairs."""
    merge = kata.get("merge", "asyncgen")
    got: list[tuple[float, str]] = []

    async def call() -> None:
        streams = [ticks(tag, gaps) for tag, gaps in sources.items()]
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append((kit.now(), item))

    kata.run(call, what=what, limit=1000)
    return got


def expected_from(sources: dict[str, list[float]]) -> list[tuple[float, str]]:
    """Each source's items at their arrival times, sorted by time."""
    out = []
    for tag, gaps in sources.items():
        at = 0.0
        for i, gap in enumerate(gaps):
            at += gap
            out.append((at, f"{tag}{i}"))
    return sorted(out)


def expect_stream(
    got: list[tuple[float, str]], expected: list[tuple[float, str]], what: str
) -> None:
    """Compare the (time, item) pairs and name the first difference."""
    last = max((t for t, _ in expected), default=0.0)
    for k, ((at, item), (want_at, want)) in enumerate(zip(got, expected, strict=False)):
        if item != want or abs(at - want_at) > 1e-6:
            if len(got) > 1 and all(abs(t - at) <= 1e-6 for t, _ in got) and at >= last - 1e-6:
                kit.fail(
                    f"{what} yielded every item at {at:g} s, once every source had ended; "
                    f"expected {expected[0][1]!r} at {expected[0][0]:g} s first: items must "
                    "come out as they arrive, not after the sources were read to their end "
                    "(gather of whole sources, or lists filled first). Keep one pending read "
                    "per source (tasks and asyncio.wait(..., return_when=FIRST_COMPLETED)), "
                    "or pump each source into a queue."
                )
            kit.fail(
                f"{what} yielded {item!r} at {at:g} s as item #{k + 1}; expected {want!r} at "
                f"{want_at:g} s: " + ONE_AFTER_ANOTHER
            )
    if len(got) < len(expected):
        kit.fail(
            f"{what} ended after {[i for _, i in got]!r}, while {len(expected) - len(got)} "
            f"item(s) were still to come ({[i for _, i in expected[len(got) :]]!r}): merge "
            "ends only when every source has ended (did it stop when the first one ended?)."
        )
    kit.expect(
        [i for _, i in got] == [i for _, i in expected],
        f"{what} yielded {[i for _, i in got]!r}; expected {[i for _, i in expected]!r} "
        "(every item of every source, once).",
    )


def test_is_an_async_generator(kata: kit.Kata) -> None:
    """merge is an async generator function."""
    kata.get("merge", "asyncgen")


def test_interleaved_as_they_arrive(kata: kit.Kata) -> None:
    """a at 1, 3, 5 s and b at 2, 4 s come out as a0 b0 a1 b1 a2, each on time."""
    sources = {"a": [1.0, 2.0, 2.0], "b": [2.0, 2.0]}
    what = "merge(a every 2 s from 1 s, b every 2 s from 2 s)"
    got = collect(kata, sources, what)
    expect_stream(got, expected_from(sources), what)


def test_uneven_sources(kata: kit.Kata) -> None:
    """Three sources, one empty, one slow: the fast one is never held up."""
    sources = {"slow": [1.5, 8.5], "fast": [2.0, 0.5, 0.5, 0.5], "none": []}
    what = "merge(slow at 1.5 and 10 s, fast at 2 to 3.5 s, an empty source)"
    got = collect(kata, sources, what)
    expect_stream(got, expected_from(sources), what)


def test_no_sources(kata: kit.Kata) -> None:
    """merge() with no sources yields nothing."""
    got = collect(kata, {}, "merge()")
    expect_stream(got, [], "merge()")


def test_a_failing_source(kata: kit.Kata) -> None:
    """A source raises at 2.5 s: merge raises it at 2.5 s and stops the other source."""
    merge = kata.get("merge", "asyncgen")
    error = ValueError("source b broke")
    what = "merge(a at 1, 3, 5 s; b at 2 s, then raises at 2.5 s)"
    got: list[str] = []

    left: list[asyncio.Task[Any]] = []

    async def call() -> None:
        streams = [ticks("a", [1.0, 2.0, 2.0]), ticks("b", [2.0], error)]
        try:
            async with aclosing(merge(*streams)) as merged:
                async for item in merged:
                    got.append(item)
                    if item == "b0":
                        await asyncio.sleep(0.5)  # b raises while the caller is busy
        finally:
            me = asyncio.current_task()
            left.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())

    result = kata.run(call, what=what, limit=1000, raises=ValueError)
    kit.expect(
        result.error is error,
        f"{what} did not raise the source's ValueError (it yielded {got!r}): let a "
        "source's exception propagate out of merge.",
    )
    kit.expect(
        not left,
        f"when {what} raised the source's ValueError, {len(left)} task(s) it started were "
        "still running: stop the others before the error leaves merge (cancel and await "
        "your tasks in a `finally:`, which runs for an error too).",
    )
    kit.expect_equal(got, ["a0", "b0"], f"the items before the error in {what}")
    kit.expect_loop_time(
        result,
        2.5,
        what,
        slower="The error came late: merge should raise it as soon as the source fails, "
        "without waiting for the other sources.",
    )


def test_break_early(kata: kit.Kata) -> None:
    """Breaking after 2 items stops at once, with no task left running."""
    merge = kata.get("merge", "asyncgen")
    what = "breaking out of `async for item in merge(a, b)` after 2 items"

    left: list[asyncio.Task[Any]] = []

    async def call() -> list[str]:
        got: list[str] = []
        streams = [ticks("a", [1.0, 10.0]), ticks("b", [2.0, 10.0])]
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append(item)
                if len(got) == 2:
                    break
        me = asyncio.current_task()
        left.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())
        return got

    result = kata.run(
        call,
        what=what,
        limit=1000,
        hang_hint="Closing merge must stop the reads in progress: cancel your tasks in a "
        "`finally:`.",
    )
    kit.expect_equal(result.value, ["a0", "b0"], f"the items seen when {what}", ONE_AFTER_ANOTHER)
    kit.expect_loop_time(
        result,
        2.0,
        what,
        slower="Closing merge waited for the sources' next items: cancel the pending reads "
        "in a `finally:` instead.",
    )
    kit.expect(
        not left,
        f"when {what} closed merge, {len(left)} task(s) it started were still running (the "
        "sources' cleanup takes a few loop steps): cancel your reads and then await them "
        "(`await asyncio.wait(tasks)`), not just give them one loop step.",
    )


async def valued(gaps: list[float], values: list[Any]) -> AsyncIterator[Any]:
    """Yield values[i] after gaps[i] seconds each."""
    for gap, value in zip(gaps, values, strict=True):
        await asyncio.sleep(gap)
        yield value


SOURCE = st.lists(
    st.tuples(st.sampled_from([0.0, 0.5, 1.0, 2.0]), st.sampled_from([None, 0, "", "a"])),
    max_size=4,
)


def test_any_sources(kata: kit.Kata) -> None:
    """Any sources (empty ones, None/0/'' items, ties): every item, at its arrival time."""
    merge = kata.get("merge", "asyncgen")

    @kit.drawn(
        st.lists(SOURCE, max_size=3),
        examples=[([[(1.0, None), (1.0, "a")], [(1.0, 0), (0.5, None)]],), ([[(1.0, "a")]],)],
    )
    def check(sources: list[list[tuple[float, Any]]]) -> None:
        got: list[tuple[float, Any]] = []

        async def call() -> None:
            streams = [valued([g for g, _ in s], [v for _, v in s]) for s in sources]
            async with aclosing(merge(*streams)) as merged:
                async for item in merged:
                    got.append((kit.now(), item))

        shown = "; ".join(
            ", ".join(f"{v!r} after {g:g} s" for g, v in source) or "nothing" for source in sources
        )
        what = f"merge of sources yielding [{shown}]"
        kata.run(call, what=what, limit=1000)
        expected: list[tuple[float, Any]] = []
        for source in sources:
            at = 0.0
            for gap, value in source:
                at += gap
                expected.append((at, value))

        def key(pair: tuple[float, Any]) -> tuple[float, str]:
            return pair[0], repr(pair[1])

        want = sorted(expected, key=key)
        if sorted(got, key=key) == want and [t for t, _ in got] == sorted(t for t, _ in got):
            return
        said = (
            f"{what} gave {got!r} as (loop time, item); expected {want!r} (items of the same "
            "instant in any order): "
        )
        # The first item of each source that never came out (matched by time and value).
        seen = Counter((round(t, 6), repr(v)) for t, v in got)
        first_missing: list[Any] = []
        missed_at: list[float] = []
        for source in sources:
            at = 0.0
            for gap, value in source:
                at += gap
                if seen[(round(at, 6), repr(value))]:
                    seen[(round(at, 6), repr(value))] -= 1
                else:
                    first_missing.append(value)
                    missed_at.append(at)
                    break
        instants = Counter(round(t, 6) for t, _ in expected)
        tied = bool(missed_at) and all(instants[round(t, 6)] > 1 for t in missed_at)
        falsy = bool(first_missing) and not any(first_missing)
        ties = (
            "When several sources answer in the same loop step, asyncio.wait returns all "
            "their tasks in `done`: take the item of every one of them, not just one "
            "(`done.pop()`)."
        )
        sentinel = (
            "None, 0 and '' are items too: mark a source's end with an object of your own "
            "(`END = object()`), compared with `is`."
        )
        if tied and falsy:  # either mistake loses exactly these items
            kit.fail(
                said + f"the item(s) {first_missing!r} were lost, and their sources ended "
                "there; each is due at the same instant as another item, and each is None, 0 "
                f"or ''. Either: {ties} Or: {sentinel}"
            )
        if tied:
            kit.fail(
                said + f"the item(s) {first_missing!r} were lost, each due at the same instant "
                f"as another item. {ties}"
            )
        if falsy:
            kit.fail(said + f"a source's items stopped coming at {first_missing[0]!r}. {sentinel}")
        kit.fail(said + "every item once, when it arrives. " + ONE_AFTER_ANOTHER)

    check()


# Checked last: earlier wrong answers fail the checks above first.


async def slow_to_close(tag: str, gaps: list[float], cleanup: float) -> AsyncIterator[str]:
    """Yield 'tag0', 'tag1'... each after its gap; closing takes `cleanup` s of loop time."""
    try:
        for i, gap in enumerate(gaps):
            await asyncio.sleep(gap)
            yield f"{tag}{i}"
    finally:
        if cleanup:
            await asyncio.sleep(cleanup)


def test_break_early_with_a_slow_cleanup(kata: kit.Kata) -> None:
    """Breaking early when one source closes at once and the other takes 0.5 s: merge is
    closed only after both have finished."""
    merge = kata.get("merge", "asyncgen")
    what = (
        "breaking out of `async for item in merge(a, b)` after 2 items, when closing b takes "
        "0.5 s and closing a takes no time"
    )
    left: list[asyncio.Task[Any]] = []

    async def call() -> list[str]:
        got: list[str] = []
        streams = [slow_to_close("a", [1.0, 10.0], 0.0), slow_to_close("b", [2.0, 10.0], 0.5)]
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append(item)
                if len(got) == 2:
                    break
        me = asyncio.current_task()
        left.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())
        await asyncio.sleep(1.0)  # let any task left behind end before the run does
        return got

    kata.run(call, what=what, limit=1000)
    kit.expect(
        not left,
        f"when {what}, {len(left)} task(s) merge started were still running after it was "
        "closed (b's cleanup was not over): wait for every cancelled task to end "
        "(`await asyncio.wait(tasks)` or `await asyncio.gather(*tasks, "
        "return_exceptions=True)`; without return_exceptions=True, gather raises as soon as "
        "the first cancelled task ends).",
    )


async def yields(values: list[Any], gap: float) -> AsyncIterator[Any]:
    """Yield each of `values`, each after `gap` seconds."""
    for value in values:
        await asyncio.sleep(gap)
        yield value


def test_exception_objects_are_items(kata: kit.Kata) -> None:
    """Sources whose items are exception objects (yielded, not raised): yielded like any."""
    merge = kata.get("merge", "asyncgen")
    first, second = ValueError("item a0"), KeyError("item b0")
    what = f"merge(a yielding {first!r} at 1 s, b yielding {second!r} at 2 s, then 'b1' at 4 s)"
    got: list[tuple[float, Any]] = []

    async def call() -> None:
        async with aclosing(merge(yields([first], 1.0), yields([second, "b1"], 2.0))) as merged:
            async for item in merged:
                got.append((kit.now(), item))

    result = kata.run(call, what=what, limit=1000, raises=BaseException)
    error = result.error
    if error is first or error is second:
        kit.fail(
            f"{what} raised {error!r}, which a source yielded as an item, not raised: an "
            "item that is an exception object is still an item; yield it."
        )
    if isinstance(error, NotImplementedError):
        kit.not_started(kata.where(error))
    kit.expect(error is None, f"{what} raised {error!r}.")
    kit.expect(
        got == [(1.0, first), (2.0, second), (4.0, "b1")],
        f"{what} yielded {got!r} as (loop time, item); expected "
        f"{[(1.0, first), (2.0, second), (4.0, 'b1')]!r}.",
    )


class Ticks:
    """An async iterator that is not an async generator: it has `__anext__` and nothing else
    (no aclose, asend or athrow). Yields 'tag0', 'tag1'... each after its gap."""

    def __init__(self, tag: str, gaps: list[float]) -> None:
        self.tag, self.gaps, self.next = tag, gaps, 0

    def __aiter__(self) -> Ticks:
        return self

    async def __anext__(self) -> str:
        if self.next >= len(self.gaps):
            raise StopAsyncIteration
        await asyncio.sleep(self.gaps[self.next])
        self.next += 1
        return f"{self.tag}{self.next - 1}"


def test_any_async_iterators(kata: kit.Kata) -> None:
    """Plain async iterators (objects with `__anext__`, not async generators) work too."""
    merge = kata.get("merge", "asyncgen")
    what = "merge(two async iterator objects that are not async generators: a at 1, 3 s; b at 2 s)"
    got: list[tuple[float, str]] = []

    async def call() -> None:
        async with aclosing(merge(Ticks("a", [1.0, 2.0]), Ticks("b", [2.0]))) as merged:
            async for item in merged:
                got.append((kit.now(), item))

    result = kata.run(call, what=what, limit=1000, raises=AttributeError)
    if result.error is not None:
        kit.fail(
            f"{what} raised {result.error!r} (at {kata.where(result.error)}): the sources may "
            "be any async iterators, and these have only `__anext__` (no aclose(), asend() "
            "or athrow()). Read them with `anext(it)` or `async for`."
        )
    expect_stream(got, [(1.0, "a0"), (2.0, "b0"), (3.0, "a1")], what)


def test_items_that_look_like_an_end_marker(kata: kit.Kata) -> None:
    """Items equal to everything (==), Ellipsis and NotImplemented come out like any other:
    they do not end their source (compared by identity)."""
    merge = kata.get("merge", "asyncgen")
    a_items: list[Any] = [queues.EqualToAll(), "a1"]
    b_items: list[Any] = [..., NotImplemented, "b2"]
    what = f"merge(a yielding {a_items!r} every 1 s, b yielding {b_items!r} every 0.75 s)"
    got: list[Any] = []

    async def call() -> None:
        async with aclosing(merge(yields(a_items, 1.0), yields(b_items, 0.75))) as merged:
            async for item in merged:
                got.append(item)

    def verdict(_result: kit.Run[Any]) -> None:
        for item in a_items + b_items:
            kit.expect(any(g is item for g in got), queues.never_got("the caller of merge", item))

    kata.run(call, what=what, limit=1000, verdict=verdict)


def test_caller_cancelled(kata: kit.Kata) -> None:
    """The task iterating merge is cancelled: merge's reads are stopped and awaited too."""
    merge = kata.get("merge", "asyncgen")
    what = "the task iterating `merge(a, b)`"

    async def consume() -> None:
        streams = [ticks("a", [1.0, 10.0]), ticks("b", [2.0, 10.0])]
        async with aclosing(merge(*streams)) as merged:
            async for _item in merged:
                pass

    left = kata.run(lambda: kit.left_after_cancel(consume, at=3.0), what=what, limit=1000).value
    kit.expect(
        not left,
        f"when {what} was cancelled at 3 s, {left} task(s) merge started were still "
        "running after that task had ended. A cancellation raises CancelledError inside "
        "merge, a BaseException that `except Exception` (or `except GeneratorExit`) does "
        "not catch: cancel and await your tasks in a `finally:`, which runs for it too.",
    )


QUIET_END = 2.4234  # test_ends_and_raises_on_time: a source's end, 0.1234 s after its last item


def test_ends_and_raises_on_time(kata: kit.Kata) -> None:
    """merge ends the moment its last source ends (2.3 s with its last item, and 2.4234 s,
    a while after it), and raises a source's error the moment it fails (2.4234 s), while it
    is waiting for the next item (moments off any polling grid)."""
    merge = kata.get("merge", "asyncgen")
    what = "merge(a at 1 and 2.3 s, then ends; b at 0.5 s, then ends)"

    async def ends() -> list[str]:
        got: list[str] = []
        async with aclosing(merge(ticks("a", [1.0, 1.3]), ticks("b", [0.5]))) as merged:
            async for item in merged:
                got.append(item)
        return got

    result = kata.run(ends, what=what, limit=1000)
    kit.expect_equal(sorted(result.value or []), ["a0", "a1", "b0"], f"the items of {what}")
    kit.expect_loop_time(
        result,
        2.3,
        what,
        slower="merge ended late: its last source ended at 2.3 s, and merge ends as soon as "
        "every source has ended. A wait with a timeout that looks now and then (are the "
        "sources done?) notices late: count the sources that have ended (an end marker from "
        "each pump, or the reads that found the end).",
    )

    # A source that ends a while after its last item, off any polling grid: above, the end
    # came with the last item, and a poll that had just got that item saw it (on 3.11).
    what = f"merge(a at 1 and 2.3 s, then ends at {QUIET_END:g} s; b at 0.5 s, then ends)"

    async def ends_apart() -> list[str]:
        async def quiet_end() -> AsyncIterator[str]:
            async for item in ticks("a", [1.0, 1.3]):
                yield item
            await asyncio.sleep(QUIET_END - 2.3)

        got: list[str] = []
        async with aclosing(merge(quiet_end(), ticks("b", [0.5]))) as merged:
            async for item in merged:
                got.append(item)
        return got

    result = kata.run(ends_apart, what=what, limit=1000)
    kit.expect_equal(sorted(result.value or []), ["a0", "a1", "b0"], f"the items of {what}")
    kit.expect_loop_time(
        result,
        QUIET_END,
        what,
        slower=f"merge ended late: its last source ended at {QUIET_END:g} s, and merge ends "
        "as soon as every source has ended. A wait with a timeout that looks now and then "
        "(are the sources done?) notices late: count the sources that have ended (an end "
        "marker from each pump, or the reads that found the end).",
    )

    error = ValueError("source b broke")

    async def fails_later() -> AsyncIterator[str]:
        await asyncio.sleep(QUIET_END)
        raise error
        yield "never"  # makes this an async generator

    what = f"merge(a at 1 s, then silent for 10 s; b raising ValueError at {QUIET_END:g} s)"

    async def raises() -> None:
        async with aclosing(merge(ticks("a", [1.0, 10.0]), fails_later())) as merged:
            async for _item in merged:
                pass

    result = kata.run(raises, what=what, limit=1000, raises=ValueError)
    kit.expect(
        result.error is error,
        f"{what} did not raise the source's ValueError: let a source's exception propagate "
        "out of merge.",
    )
    kit.expect_loop_time(
        result,
        QUIET_END,
        what,
        slower=f"The error came late: the source failed at {QUIET_END:g} s, while merge was "
        "waiting for "
        "the next item. Raise it at once (wait on the pending reads, or have each pump put its "
        "error on the queue), not when a timeout next lets merge look.",
    )


def test_two_merges_at_once(kata: kit.Kata) -> None:
    """Two merges iterated at the same time by two tasks: when the first one ends (its
    sources ended at 1 s), the other goes on and yields all its items on time."""
    merge = kata.get("merge", "asyncgen")
    what = (
        "two merges iterated at once by two tasks, the first over a source yielding at 0.5 s "
        "then ending, the other over sources yielding at 0.5, 1.5 and 2.5 s and at 2 s"
    )

    async def consume(streams: list[AsyncIterator[str]], got: list[tuple[float, str]]) -> None:
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append((kit.now(), item))

    async def call() -> tuple[list[tuple[float, str]], list[tuple[float, str]], bool]:
        first: list[tuple[float, str]] = []
        other: list[tuple[float, str]] = []
        one = asyncio.create_task(consume([ticks("a", [0.5])], first))
        two = asyncio.create_task(consume([ticks("b", [0.5, 1.0, 1.0]), ticks("c", [2.0])], other))
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
    kit.expect_equal(first, [(0.5, "a0")], f"the items of the first merge in {what}")
    want = [(0.5, "b0"), (1.5, "b1"), (2.0, "c0"), (2.5, "b2")]
    kit.expect(
        ended and other == want,
        f"in {what}, the other merge yielded {other!r} and "
        + ("then ended" if ended else "then stopped yielding (still waiting 60 s later)")
        + f"; expected {want!r}: when the first merge ended, the other lost its reads. Did "
        "the first one's cleanup cancel tasks it had not started? Each merge must cancel only "
        "its own tasks (keep them in a variable made inside the generator, not in a set at "
        "module level).",
    )


LONG_CLEANUP = 300.0  # beyond any grace period a learner might give the reads


def test_break_early_with_a_long_cleanup(kata: kit.Kata) -> None:
    """Breaking early when closing one source takes 5 minutes: merge is still closed only
    after that source has finished (no time limit of its own on the wait)."""
    merge = kata.get("merge", "asyncgen")
    what = (
        "breaking out of `async for item in merge(a, b)` after 2 items, when closing a takes "
        f"{LONG_CLEANUP:g} s"
    )
    left: list[asyncio.Task[Any]] = []

    async def call() -> list[str]:
        got: list[str] = []
        streams = [
            slow_to_close("a", [1.0, 10.0], LONG_CLEANUP),  # its second read is in flight
            slow_to_close("b", [2.0, 10.0], 0.0),
        ]
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append(item)
                if len(got) == 2:
                    break
        me = asyncio.current_task()
        left.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())
        await asyncio.sleep(LONG_CLEANUP + 1.0)  # let any task left behind end first
        return got

    kata.run(call, what=what, limit=1000)
    kit.expect(
        not left,
        f"when {what}, {len(left)} task(s) merge started were still running after it was "
        "closed (a's cleanup was not over): it stopped waiting for its cancelled tasks "
        "before they had ended. Await them however long their cleanup takes, with no time "
        "limit of your own.",
    )


class LazyTicks(Ticks):
    """Ticks whose `__anext__` is a plain method returning a non-coroutine awaitable."""

    def __anext__(self) -> kit.NotACoroutine[Any]:  # type: ignore[override]
        return kit.NotACoroutine(Ticks.__anext__(self))


def test_async_iterators_whose_anext_is_not_a_coroutine(kata: kit.Kata) -> None:
    """Async iterators whose `__anext__` returns an awaitable that is not a coroutine work
    too: each read is started with any awaitable in mind."""
    merge = kata.get("merge", "asyncgen")
    what = (
        "merge(two async iterators whose __anext__ returns an awaitable that is not a "
        "coroutine: a at 1, 3 s; b at 2 s)"
    )
    got: list[tuple[float, str]] = []

    async def call() -> None:
        async with aclosing(merge(LazyTicks("a", [1.0, 2.0]), LazyTicks("b", [2.0]))) as merged:
            async for item in merged:
                got.append((kit.now(), item))

    result = kata.run(call, what=what, limit=1000, raises=TypeError)
    if result.error is not None:
        kit.fail(
            f"{what} raised {result.error!r} (at {kata.where(result.error)}): `__anext__` may "
            "return any awaitable, and asyncio.create_task takes coroutines only. Start each "
            "read with `asyncio.ensure_future(anext(it))`, or await `anext(it)` inside a "
            "coroutine of your own and make the task from that."
        )
    expect_stream(got, [(1.0, "a0"), (2.0, "b0"), (3.0, "a1")], what)
