"""Grader for 11_async_iteration/merge: the items of several async iterators, as they arrive.

Checks (timed sources, exact loop times): each item comes out at the moment its source
produced it, whichever source that is; it ends when all sources end; a source's exception
propagates at once; breaking out early stops at once and leaves no task running.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

import kit

ONE_AFTER_ANOTHER = (
    "items must come out as they arrive, from whichever source is ready first: did you "
    "iterate the sources one after another? Keep one pending read per source (tasks and "
    "asyncio.wait(..., return_when=FIRST_COMPLETED)), or pump each source into a queue."
)


async def ticks(
    tag: str, gaps: list[float], error: BaseException | None = None
) -> AsyncIterator[str]:
    """Yield 'tag0', 'tag1'... each after its gap in seconds; then raise `error` if given."""
    for i, gap in enumerate(gaps):
        await asyncio.sleep(gap)
        yield f"{tag}{i}"
    if error is not None:
        raise error


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
    for k, ((at, item), (want_at, want)) in enumerate(zip(got, expected, strict=False)):
        if item != want or abs(at - want_at) > 1e-6:
            kit.fail(
                f"{what} yielded {item!r} at {at:g} s as item #{k + 1}; expected {want!r} at "
                f"{want_at:g} s: " + ONE_AFTER_ANOTHER
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

    async def call() -> None:
        streams = [ticks("a", [1.0, 2.0, 2.0]), ticks("b", [2.0], error)]
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append(item)
                if item == "b0":
                    await asyncio.sleep(0.5)  # b raises while the caller is busy

    result = kata.run(call, what=what, limit=1000, raises=ValueError)
    kit.expect(
        result.error is error,
        f"{what} did not raise the source's ValueError (it yielded {got!r}): let a "
        "source's exception propagate out of merge.",
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

    async def call() -> list[str]:
        got: list[str] = []
        streams = [ticks("a", [1.0, 10.0]), ticks("b", [2.0, 10.0])]
        async with aclosing(merge(*streams)) as merged:
            async for item in merged:
                got.append(item)
                if len(got) == 2:
                    break
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
