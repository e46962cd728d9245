"""Grader for 07_queues/pipeline: fetch -> parse -> store, with widths[i] workers per stage.

Checks: every url's record is stored once; each stage runs at most its width at once (and
reaches it); the first store starts before the last fetch (items flow through, not stage
by stage); the loop time matches the staged schedule; no worker is left running.
"""

from collections import Counter, deque

import kit
import pytest

STAGE_BY_STAGE = (
    "did you run the stages one after another (all fetches, then all parses, then all "
    "stores)? Connect them with queues so each page moves on as soon as it is fetched."
)


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
    n: int,
    widths: tuple[int, int, int],
    delays: tuple[float, float, float],
) -> tuple[kit.Run, str, kit.Probe, kit.Probe, kit.Probe]:
    """Run the learner's pipeline on `n` urls; check every record is stored once."""
    pipeline = kata.get("pipeline", "coroutine")
    fetch = kit.Probe(delay=delays[0], result=lambda url: f"page:{url}", name="fetch")
    parse = kit.Probe(delay=delays[1], result=lambda page: f"rec:{page}", name="parse")
    store = kit.Probe(delay=delays[2], result=lambda record: None, name="store")
    urls = [f"u{i}" for i in range(n)]
    what = (
        f"pipeline({n} urls, fetch {delays[0]:g} s, parse {delays[1]:g} s, "
        f"store {delays[2]:g} s, widths={widths})"
    )
    result = kata.run(
        lambda: pipeline(urls, fetch, parse, store, widths),
        what=what,
        limit=1000,
        hang_hint="Do all workers call task_done() for each item they get (so join() "
        "returns), and are the workers stopped once the last record is stored?",
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
