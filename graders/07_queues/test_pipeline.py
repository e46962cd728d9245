"""Grader for 07_queues/pipeline: fetch -> parse -> store, with widths[i] workers per stage.

Docstring sentence -> the check that enforces it:

- "Every url goes through three async steps" -> run_pipeline (every url's record stored
  once), in every check
- "at most `f` fetches, `p` parses and `s` stores run at once" -> run_pipeline (peak per
  stage), test_items_flow_through_the_stages, test_widths_per_stage (each width reached)
- "items flow through one by one: as soon as one page is fetched it can be parsed" ->
  test_items_flow_through_the_stages (the first store starts before the last fetch), and the
  loop time of the staged schedule in every check
- "`urls` may be any iterable (a generator too ...), may be empty, and may repeat a url"
  -> test_urls_from_a_generator, test_no_urls, test_any_urls (Hypothesis: repeats, blank
  and non-ASCII urls, widths 1-3, ties)
- "A page or a record may be any value, `None` included: it goes through the next step like
  any other" -> test_none_pages_and_records, test_values_that_look_like_a_sentinel (pages
  and records equal to everything, Ellipsis, NotImplemented, "STOP"; by identity)
- "If `pipeline` itself is cancelled, it cancels its workers, awaits them, and lets the
  CancelledError out" -> test_cancelled_while_working (the parse step's cleanup takes a few
  loop steps)
  (no fetch, parse or store starts after the cancellation: the queued urls are dropped)
  and test_cancelled_with_a_slow_cleanup (the parse step's cleanup takes 0.5 s while the
  other workers end at once: every worker awaited to its end, not only the first one);
  "lets the CancelledError out" (that very one, its message included, not a new one) ->
  test_cancellation_comes_out_as_it_is
- "Return (None)" -> run_pipeline (the value returned is None)
- "Return (None) after every record is stored. Stop every worker first" -> the kit's check
  that no task is left running; a hang is diagnosed from the queues' own counters (join()
  before any item was taken, or task_done() short of the items taken)
- "Every url goes through three async steps" (steps that return without awaiting anything
  too: a join() awaited while urls are still being put in the fetch queue returns early,
  named when pipeline returned before it had read every url) ->
  test_steps_that_finish_at_once
- "If `pipeline` itself is cancelled, it cancels its workers, awaits them" (however long their
  cleanup takes: a 300 s cleanup, beyond a grace period of the learner's own) ->
  test_cancelled_with_a_long_cleanup
- "Every url goes through three async steps" (however long a step takes: a 2-hour fetch, no
  time limit of the learner's own) -> test_a_fetch_that_takes_hours
- "Start `f` fetch workers, `p` parse workers and `s` store workers" (however many: 100 per
  stage, no cap of the learner's own) -> test_wide_stages
"""

from __future__ import annotations

import asyncio
import reprlib
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import Any

import kit
import pytest
from hypothesis import strategies as st
from kit import queues

HANG = (
    "Something awaits forever: queue.join() returns only once every item got its "
    "task_done(), and a worker waiting in queue.get() waits until it is cancelled."
)

STAGE_BY_STAGE = (
    "did you run the stages one after another (all fetches, then all parses, then all "
    "stores)? Connect them with queues so each page moves on as soon as it is fetched."
)


@pytest.fixture(autouse=True)
def watched_queues(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """The learner's asyncio.Queue objects are WatchedQueues."""
    queues.watch_queues(kata, monkeypatch)


def staged(
    n: int, widths: tuple[int, int, int], delays: tuple[float, float, float]
) -> list[tuple[str, float, float]]:
    """The right schedule: each item moves on as soon as it is done and a worker of the next
    stage is free (items wait in first-in, first-out order); (stage, start, end) rows."""
    ready = [0.0] * n
    rows: list[tuple[str, float, float]] = []
    for name, width, delay in zip(("fetch", "parse", "store"), widths, delays, strict=True):
        free = deque([0.0] * width)
        done = []
        for at in sorted(ready):
            worker = min(free)
            free.remove(worker)
            start = max(at, worker)
            free.append(start + delay)
            rows.append((name, start, start + delay))
            done.append(start + delay)
        ready = done
    return rows


def run_pipeline(
    kata: kit.Kata,
    n: int | list[str],
    widths: tuple[int, int, int],
    delays: tuple[float, float, float],
    feed: Any = list,
) -> tuple[kit.Run, str, kit.Probe, kit.Probe, kit.Probe]:
    """Run the learner's pipeline on `n` urls (or these urls), handed over as ``feed(urls)``;
    check every record is stored once."""
    pipeline = kata.get("pipeline", "coroutine")
    fetch = kit.Probe(delay=delays[0], result=lambda url: f"page:{url}", name="fetch")
    parse = kit.Probe(delay=delays[1], result=lambda page: f"rec:{page}", name="parse")
    store = kit.Probe(delay=delays[2], result=lambda record: None, name="store")
    urls = [f"u{i}" for i in range(n)] if isinstance(n, int) else list(n)
    n = len(urls)
    shown = f"{n} urls" if feed is list else f"{n} urls from a generator"
    what = (
        f"pipeline({shown}, fetch {delays[0]:g} s, parse {delays[1]:g} s, "
        f"store {delays[2]:g} s, widths={widths})"
    )
    result = queues.run_hung(
        kata, lambda: pipeline(feed(urls), fetch, parse, store, widths), what, HANG
    )
    kit.ideal_timeline(staged(n, widths, delays))
    stored = Counter(c.args[0] for c in store.calls)
    expected = Counter(f"rec:page:{url}" for url in urls)
    kit.expect(
        stored == expected,
        f"{what} stored {len(store.calls)} record(s) for {n} urls "
        f"(missing: {sorted((expected - stored).elements())}, "
        f"extra: {sorted((stored - expected).elements())}); every url must be fetched, its "
        "page parsed and that record stored, exactly once. Did you stop the workers before "
        "the last items got through every stage (join each queue, in stage order)?",
    )
    for name, probe, width in zip(
        ("fetch", "parse", "store"), (fetch, parse, store), widths, strict=True
    ):
        kit.expect(
            probe.peak <= width,
            f"{what} ran {probe.peak} {name} calls at once; that stage has only {width} "
            "worker(s). Start widths[i] workers for stage i, not a task per item.",
        )
    kit.expect(
        result.value is None,
        f"{what} returned {reprlib.repr(result.value)}; expected None: pipeline returns "
        "nothing once every record is stored (end it with a bare `return`, or none).",
    )
    return result, what, fetch, parse, store


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """pipeline is an async def."""
    kata.get("pipeline", "coroutine")


def test_items_flow_through_the_stages(kata: kit.Kata) -> None:
    """The first store starts while urls are still being fetched; the run takes 11.5 s."""
    result, what, fetch, parse, store = run_pipeline(kata, 9, (3, 2, 1), (3.0, 1.0, 0.5))
    first_store = min(c.started for c in store.calls)
    last_fetch = max(c.started for c in fetch.calls)
    kit.expect(
        first_store < last_fetch,
        f"in {what} the first store started at {first_store:g} s, after the last fetch "
        f"began ({last_fetch:g} s); it should start at 4 s, while fetching goes on: "
        + STAGE_BY_STAGE,
    )
    kit.expect_equal(
        fetch.peak, 3, f"the most fetches at once in {what}", "Start widths[0] fetch workers."
    )
    kit.expect_equal(
        parse.peak, 2, f"the most parses at once in {what}", "Start widths[1] parse workers."
    )
    # Fetches run in 3 rounds (0-3, 3-6, 6-9 s); each round's 3 pages take 2 s to parse
    # with 2 parsers and 1.5 s to store with 1 storer; the last round ends at 11.5 s.
    kit.expect_loop_time(
        result,
        11.5,
        what,
        slower="Some stage sat idle while items waited: " + STAGE_BY_STAGE,
        faster="Did you wait until the last record was stored?",
    )


def test_widths_per_stage(kata: kit.Kata) -> None:
    """Each stage gets its own number of workers: (1, 3, 2) with a slow parse."""
    result, what, fetch, parse, store = run_pipeline(kata, 6, (1, 3, 2), (0.5, 3.0, 1.0))
    for name, probe, width in zip(
        ("fetch", "parse", "store"), (fetch, parse, store), (1, 3, 2), strict=True
    ):
        kit.expect_equal(
            probe.peak,
            width,
            f"the most {name} calls at once in {what}",
            f"Start widths[i] workers for each stage; the {name} stage has {width}.",
        )
    # One fetcher hands over a page every 0.5 s; 3 parsers take 3 s each, 2 storers 1 s.
    kit.expect_loop_time(
        result,
        8.5,
        what,
        slower="Some stage sat idle while items waited: " + STAGE_BY_STAGE,
        faster="Did you wait until the last record was stored?",
    )


@pytest.mark.parametrize("widths", [(1, 1, 1), (2, 2, 2)])
def test_one_url(kata: kit.Kata, widths: tuple[int, int, int]) -> None:
    """A single url goes straight through: 1 + 1 + 1 s."""
    result, what, *_ = run_pipeline(kata, 1, widths, (1.0, 1.0, 1.0))
    kit.expect_loop_time(result, 3.0, what)


def test_no_urls(kata: kit.Kata) -> None:
    """No urls: nothing is called, it returns at once, no worker is left behind."""
    result, what, *_ = run_pipeline(kata, 0, (2, 2, 2), (1.0, 1.0, 1.0))
    kit.expect_loop_time(result, 0.0, what)


def staged_time(n: int, widths: tuple[int, int, int], delays: tuple[float, ...]) -> float:
    """The loop time of the right schedule."""
    return max((end for _, _, end in staged(n, widths, delays)), default=0.0)  # type: ignore[arg-type]


def generator(urls: Iterable[str]) -> Iterator[str]:
    """The urls as a generator: it can be gone through only once."""
    yield from urls


def test_urls_from_a_generator(kata: kit.Kata) -> None:
    """Urls given as a generator all go through (it can be gone through only once)."""
    result, what, *_ = run_pipeline(kata, 4, (2, 1, 1), (1.0, 1.0, 1.0), feed=generator)
    kit.expect_loop_time(result, staged_time(4, (2, 1, 1), (1.0, 1.0, 1.0)), what)


URLS = st.lists(st.sampled_from(["a", "a", "b", "", " ", "é"]), max_size=6)
WIDTHS = st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3))
DELAYS = st.tuples(*[st.sampled_from([0.5, 1.0])] * 3)


def test_any_urls(kata: kit.Kata) -> None:
    """Any urls (repeats, blank, non-ASCII), widths 1-3, delays with ties: all stored, in time."""

    @kit.drawn(URLS, WIDTHS, DELAYS, examples=[(["a", "a", "b"], (1, 2, 1), (1.0, 1.0, 1.0))])
    def check(urls: list[str], widths: tuple[int, int, int], delays: tuple[float, ...]) -> None:
        result, what, *_ = run_pipeline(kata, urls, widths, delays)  # type: ignore[arg-type]
        kit.expect_loop_time(
            result,
            staged_time(len(urls), widths, delays),
            f"{what} on {urls!r}",
            slower="Some stage sat idle while items waited: " + STAGE_BY_STAGE,
        )

    check()


def test_cancelled_while_working(kata: kit.Kata) -> None:
    """Cancelled while parse calls run: the workers are cancelled and awaited (their cleanup
    takes a few loop steps), and the CancelledError comes out."""
    pipeline = kata.get("pipeline", "coroutine")
    probe = kit.Probe(delay=2.0)
    fetch = kit.Probe(delay=0.5, result=lambda url: f"page:{url}")
    store = kit.Probe(delay=0.5, result=lambda record: None)
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

    what = "pipeline(...), cancelled at 1 s while parse calls ran,"

    def stuck() -> str:
        late = [c for c in probe.calls if c.started > 1.0]
        if late:
            return (
                f"A worker went on with a new item at {late[0].started:g} s, after it was "
                "cancelled: catch `Exception` around the parse call, not BaseException "
                "(CancelledError is a BaseException, and a worker that swallows it never stops)."
            )
        return HANG

    state = queues.cancel_midway(
        kata,
        lambda: pipeline([f"u{i}" for i in range(6)], fetch, handler, store, (2, 2, 1)),
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
    steps = [("fetch", fetch), ("parse", probe), ("store", store)]
    late = sorted((c.started, name, c.args[0]) for name, p in steps for c in p.calls)
    late = [row for row in late if row[0] > 1.0]
    for at, name, item in late[:1]:
        kit.fail(
            f"{what} went on working: {name}({item!r}) started at {at:g} s, after pipeline was "
            "cancelled at 1 s. A cancelled pipeline stops at once: cancel the workers right "
            "away and await them, without letting them finish the queued items first."
        )


# Checked last: earlier wrong answers fail the checks above first.


def _cancelled_while_cleaning(kata: kit.Kata, cleanup: float, what: str) -> queues.Left:
    """Run six urls through pipeline with parse calls whose cleanup takes ``cleanup`` s of
    loop time, cancel it at 1 s, and return what was left when it ended."""
    pipeline = kata.get("pipeline", "coroutine")
    probe = kit.Probe(delay=2.0)
    fetch = kit.Probe(delay=0.5, result=lambda url: f"page:{url}")
    store = kit.Probe(delay=0.5, result=lambda record: None)
    cleaning: list[Any] = []

    async def parse(page: Any) -> Any:
        try:
            return await probe(page)
        finally:
            cleaning.append(page)
            try:
                await asyncio.sleep(cleanup)
            finally:
                cleaning.remove(page)

    return queues.cancel_midway(
        kata,
        lambda: pipeline([f"u{i}" for i in range(6)], fetch, parse, store, (2, 2, 1)),
        1.0,
        what,
        HANG,
        lambda: len(cleaning),
        grace=cleanup + 1.0,
    )


def test_cancelled_with_a_slow_cleanup(kata: kit.Kata) -> None:
    """Cancelled while parse calls run whose cleanup takes 0.5 s of loop time, while the
    other workers end at once: pipeline ends only after every worker has finished."""
    what = "pipeline(...), cancelled at 1 s while parse calls ran that need 0.5 s to clean up,"
    state = _cancelled_while_cleaning(kata, 0.5, what)
    kit.expect(
        not state.tasks and not state.cleaning,
        f"when {what} ended, {len(state.tasks)} worker task(s) were still "
        f"running ({state.cleaning} parse call(s) still cleaning up): wait for every "
        "cancelled worker to end (`await asyncio.gather(*tasks, "
        "return_exceptions=True)`; without return_exceptions=True, gather raises as soon as "
        "the first cancelled worker ends).",
    )


def test_none_pages_and_records(kata: kit.Kata) -> None:
    """Pages and records that are None (or falsy) go through the next step like any other."""
    pipeline = kata.get("pipeline", "coroutine")
    urls = ["a", "b", "c", "d"]
    pages = {"a": None, "b": "", "c": None, "d": 0}
    fetch = kit.Probe(delay=1.0, result=lambda url: pages[url], name="fetch")
    parse = kit.Probe(delay=1.0, result=lambda page: None, name="parse")
    store = kit.Probe(delay=1.0, result=lambda record: None, name="store")
    what = (
        "pipeline(4 urls whose pages are None, '', None, 0 and whose records are all None, "
        "widths=(2, 2, 2))"
    )
    queues.run_hung(kata, lambda: pipeline(urls, fetch, parse, store, (2, 2, 2)), what, HANG)
    parsed = sorted((c.args[0] for c in parse.calls), key=repr)
    kit.expect(
        parsed == sorted(pages.values(), key=repr) and len(store.calls) == len(urls),
        f"{what} parsed {parsed!r} and stored {len(store.calls)} record(s); expected the 4 "
        f"pages {sorted(pages.values(), key=repr)!r} parsed and 4 records stored: a page or "
        "a record that is None (or falsy) is a value like any other and goes through the "
        "next step.",
    )


def test_values_that_look_like_a_sentinel(kata: kit.Kata) -> None:
    """Pages and records equal to everything (==), Ellipsis, NotImplemented or "STOP" go
    through the next step like any other value (compared by identity)."""
    pipeline = kata.get("pipeline", "coroutine")
    odd: list[Any] = [queues.EqualToAll(), ..., NotImplemented, "STOP"]
    urls = ["a", "b", "c", "d", "e"]
    pages = dict(zip(urls, [*odd, "page:e"], strict=True))
    records = {id(page): page for page in odd}  # each odd page is its own record
    record_e = queues.EqualToAll()  # and an ordinary page gives an odd record
    fetch = kit.Probe(delay=1.0, result=lambda url: pages[url], name="fetch")
    parse = kit.Probe(delay=1.0, result=lambda page: records.get(id(page), record_e), name="parse")
    store = kit.Probe(delay=1.0, result=lambda record: None, name="store")
    what = f"pipeline(5 urls whose pages are {[*odd, 'page:e']!r}, widths=(2, 2, 2))"
    queues.run_hung(kata, lambda: pipeline(urls, fetch, parse, store, (2, 2, 2)), what, HANG)
    for receiver, probe, wanted in (
        ("parse()", parse, [*odd, "page:e"]),
        ("store()", store, [*odd, record_e]),
    ):
        got = [c.args[0] for c in probe.calls]
        for value in wanted:
            kit.expect(any(g is value for g in got), queues.never_got(receiver, value))


def test_cancellation_comes_out_as_it_is(kata: kit.Kata) -> None:
    """Cancelled at 1 s with task.cancel("user gave up") while parse calls run: after
    stopping its workers, pipeline lets that very CancelledError out, message included."""
    pipeline = kata.get("pipeline", "coroutine")
    fetch = kit.Probe(delay=0.5, result=lambda url: f"page:{url}", name="fetch")
    parse = kit.Probe(delay=2.0, result=lambda page: f"rec:{page}", name="parse")
    store = kit.Probe(delay=0.5, result=lambda record: None, name="store")
    what = 'pipeline(6 urls, widths=(2, 2, 1)), cancelled at 1 s with task.cancel("user gave up")'

    async def scenario() -> Any:
        urls = [f"u{i}" for i in range(6)]
        task = asyncio.ensure_future(pipeline(urls, fetch, parse, store, (2, 2, 1)))
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


def test_steps_that_finish_at_once(kata: kit.Kata) -> None:
    """Steps that return without awaiting anything (a cached page, say): every url still goes
    through all three steps, however few loop steps they take."""
    pipeline = kata.get("pipeline", "coroutine")
    urls = [f"u{i}" for i in range(9)]
    stored: list[Any] = []
    read: list[str] = []  # the urls read from the generator so far

    async def fetch(url: str) -> str:
        return f"page:{url}"

    async def parse(page: str) -> str:
        return f"rec:{page}"

    async def store(record: str) -> None:
        stored.append(record)

    def feed() -> Iterator[str]:
        for url in urls:
            read.append(url)
            yield url

    what = (
        "pipeline(9 urls from a generator, widths=(1, 1, 1)) with fetch, parse and store that "
        "return at once, without awaiting anything"
    )
    queues.run_hung(kata, lambda: pipeline(feed(), fetch, parse, store, (1, 1, 1)), what, HANG)
    if Counter(stored) == Counter(f"rec:page:{url}" for url in urls):
        return
    kit.fail(
        f"{what} stored {len(stored)} record(s) for 9 urls; every url must be fetched, parsed "
        "and stored, however quick the steps are"
        + (
            f": it returned having read only {len(read)} of the 9 urls from the generator. "
            "Put every url in the fetch queue before you await its join() (a join() awaited "
            "while urls are still being put returns as soon as the urls put so far are done)."
            if len(read) < len(urls)
            else ". Did you stop the workers before the last items got through every stage "
            "(join each queue, in stage order)?"
        )
    )


LONG_CLEANUP = 300.0  # beyond any grace period a learner might give the workers


def test_cancelled_with_a_long_cleanup(kata: kit.Kata) -> None:
    """Cancelled while parse calls run whose cleanup takes 5 minutes of loop time: pipeline
    still ends only after every worker has ended (no time limit of its own)."""
    what = (
        f"pipeline(...), cancelled at 1 s while parse calls ran that need {LONG_CLEANUP:g} s "
        "to clean up,"
    )
    state = _cancelled_while_cleaning(kata, LONG_CLEANUP, what)
    kit.expect(
        not state.tasks and not state.cleaning,
        f"when {what} ended, {len(state.tasks)} worker task(s) were still running "
        f"({state.cleaning} parse call(s) still cleaning up): it stopped waiting for its "
        "cancelled workers before they had ended. Await them however long their cleanup "
        "takes, with no time limit of your own.",
    )


def test_a_fetch_that_takes_hours(kata: kit.Kata) -> None:
    """fetch('u0') takes 2 hours of loop time: its page is still parsed and stored (pipeline
    sets no time limit of its own on a step)."""
    pipeline = kata.get("pipeline", "coroutine")
    fetch = kit.Probe(
        delay=lambda url: 7200.0 if url == "u0" else 1.0,
        result=lambda url: f"page:{url}",
        name="fetch",
    )
    parse = kit.Probe(delay=1.0, result=lambda page: f"rec:{page}", name="parse")
    store = kit.Probe(delay=1.0, result=lambda record: None, name="store")
    urls = ["u0", "u1", "u2"]
    what = "pipeline(['u0', 'u1', 'u2'], widths=(2, 1, 1)), fetch('u0') taking 2 hours,"
    kata.run(lambda: pipeline(urls, fetch, parse, store, (2, 1, 1)), what=what, limit=10000)
    stored = sorted(str(c.args[0]) for c in store.calls)
    kit.expect(
        stored == [f"rec:page:{url}" for url in urls],
        f"{what} stored {stored}; every url's record must be stored, however long its steps "
        "take: await each step with no time limit of your own.",
    )


def test_wide_stages(kata: kit.Kata) -> None:
    """100 urls, every step 1 s, widths=(100, 100, 100): 100 calls at once in each stage,
    all stored after 3 s (no cap of the code's own on a stage's width)."""
    result, what, fetch, parse, store = run_pipeline(kata, 100, (100, 100, 100), (1.0, 1.0, 1.0))
    for name, probe in (("fetch", fetch), ("parse", parse), ("store", store)):
        kit.expect(
            probe.peak == 100,
            f"{what} ran at most {probe.peak} {name} calls at once; expected 100: start "
            "widths[i] workers for stage i, however many that is (no cap of your own).",
        )
    kit.expect_loop_time(
        result,
        3.0,
        what,
        slower="Some stage sat idle while items waited: " + STAGE_BY_STAGE,
        faster="Did you wait until the last record was stored?",
    )
