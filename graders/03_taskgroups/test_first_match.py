"""Grader for 03_taskgroups/first_match: the first value satisfying pred, the rest stopped.

Stand-in sources record when they start, end, and whether they saw CancelledError. Checks:
the sources run at once; the call returns the first matching value (by time, not by position,
and not merely the first answer) at the loop time of that match; every other source was
cancelled then and has finished, even a source whose cleanup awaits for a while; with no
match, None once all sources answered. Other shapes the contract allows: a falsy or None
match, two answers in the same loop step, a generator of sources, a source listed twice.

Docstring sentence -> the check that enforces it:

- "Ask all of them at the same time." -> test_returns_first_match_and_stops_the_rest,
  test_no_match_returns_none, test_other_shapes (twelve sources: no limit, no batches),
  test_many_sources_all_at_once (300 sources: no limit, not even of 100)
- "As soon as one value satisfies `pred(value)`, return that value" ->
  test_returns_first_match_and_stops_the_rest, test_falsy_match, test_none_is_a_match,
  test_other_shapes (a match at 1.013 s, off any polling grid)
- "stop every other source at once: they must be cancelled" ->
  test_returns_first_match_and_stops_the_rest
- "and must have finished (seen their `CancelledError`) before you return" ->
  test_cleanup_is_awaited (cleanups of 1 s, 6 s and 600 s: no time limit on the wait),
  test_returns_first_match_and_stops_the_rest,
  test_uneven_cleanups_are_all_awaited (every one of them, not only the first to stop)
- "If no value satisfies `pred`, return `None` once every source has answered." ->
  test_no_match_returns_none, test_no_sources, test_a_very_slow_source_is_awaited (however
  long that takes: no timeout)
- `sources` is any iterable (the signature); ties -> test_other_shapes,
  test_a_tie_of_a_match_and_misses (the match listed before, after and between the misses of
  its step: every answer of the step is looked at, not one of them)
- "If the task running `first_match` is cancelled, the sources are cancelled too and the
  `CancelledError` propagates." -> test_caller_cancellation_propagates,
  test_caller_cancellation_awaits_long_cleanups (sources cleaning up for 600 s: no timeout),
  test_caller_cancelled_while_the_others_stop (after a match, while the others clean up:
  from Python 3.13 on, as before it CPython's TaskGroup swallows that cancellation itself)
- "one value satisfies `pred(value)`" (pred's answer is truthy, not necessarily True) ->
  test_truthy_pred_answer_is_a_match
- "return that value" (this call's match: two calls at once on one loop, each returns its
  own) -> test_two_calls_at_once_return_their_own_match
"""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import kit
import pytest

POLLING = (
    "first_match called asyncio.sleep {n} times while waiting for the sources: that is "
    "polling. Wait on the tasks themselves (`asyncio.wait(..., return_when=FIRST_COMPLETED)`)."
)

# (delay, value) per source, listed in an order that differs from the order they answer in.
SOURCES = [(3.0, 30), (1.0, 10), (2.0, 20), (5.0, 50), (4.0, 40)]


@dataclass
class Call:
    """One asked source: which one, when it started and ended, and whether it was cancelled."""

    source: int
    started: float
    ended: float | None = None
    cancelled: bool = False
    cancelled_at: float | None = None  # when it saw its CancelledError


@dataclass
class Sources:
    """Stand-in sources: source s answers spec[s][1] after spec[s][0] seconds; a cancelled
    source cleans up for ``cleanup`` seconds (awaiting) before it stops (``cleanup[s]`` for a
    list)."""

    spec: list[tuple[float, Any]]
    cleanup: float | list[float] = 0.0
    calls: list[Call] = field(default_factory=list)

    async def ask(self, source: int) -> Any:
        call = Call(source, kit.now())
        self.calls.append(call)
        try:
            await asyncio.sleep(self.spec[source][0])
        except asyncio.CancelledError:
            call.cancelled, call.cancelled_at = True, kit.now()
            pause = self.cleanup[source] if isinstance(self.cleanup, list) else self.cleanup
            if pause:
                await asyncio.sleep(pause)
            raise
        finally:
            call.ended = kit.now()
        return self.spec[source][1]

    def callables(self, order: list[int] | None = None) -> list[Callable[[], Awaitable[Any]]]:
        made = [(lambda s=s: self.ask(s)) for s in range(len(self.spec))]
        return [made[s] for s in (order if order is not None else range(len(made)))]

    def running(self) -> list[Call]:
        return [c for c in self.calls if c.ended is None]

    def cancelled_values(self) -> list[Any]:
        return sorted(self.spec[c.source][1] for c in self.calls if c.cancelled)


@dataclass
class Outcome:
    """What first_match did."""

    value: Any = None
    at: float = 0.0
    running_at_return: list[Call] = field(default_factory=list)
    stopped_at_return: list[Call] = field(default_factory=list)  # cancelled, and finished
    still_running: list[Call] = field(default_factory=list)


def grade(
    kata: kit.Kata, sources: Sources, arg: Any, pred: Callable[[Any], bool], what: str
) -> Outcome:
    """Run first_match(arg, pred) and record what it returned and which sources still ran."""
    first_match = kata.get("first_match", "coroutine")
    outcome = Outcome()

    async def call() -> None:
        outcome.value = await first_match(arg, pred)
        outcome.at = kit.now()
        outcome.running_at_return = sources.running()
        outcome.stopped_at_return = [
            c for c in sources.calls if c.cancelled and c.ended is not None
        ]
        for _ in range(3):  # a source cancelled just before the return stops on its next step
            await asyncio.sleep(0)
        outcome.still_running = [c for c in sources.running() if not c.cancelled]

    # Sources left running are judged below from the records, with a message naming it.
    kata.run(call, what=what, leftover_tasks=True)
    if outcome.still_running:
        kit.fail(
            f"{what} returned while {len(outcome.still_running)} other source(s) were still "
            "running, never cancelled: cancel every source still running at the first match, "
            "and await them before returning."
        )
    if outcome.running_at_return and outcome.stopped_at_return:
        kit.fail(
            f"{what} returned when {len(outcome.stopped_at_return)} of the cancelled sources "
            f"had stopped, while {len(outcome.running_at_return)} other(s) were still cleaning "
            "up: wait for every cancelled source (`asyncio.gather(*tasks, "
            "return_exceptions=True)`, or `asyncio.wait(tasks)` with its default "
            "ALL_COMPLETED), not only for the first one to stop."
        )
    cleaning = outcome.running_at_return
    if cleaning and all(c.cancelled_at is not None for c in cleaning):
        waited = outcome.at - min(c.cancelled_at for c in cleaning if c.cancelled_at is not None)
        if waited > 1e-6:
            kit.fail(
                f"{what} waited {waited:g} s for the {len(cleaning)} source(s) it cancelled, "
                f"then returned at {outcome.at:g} s while they were all still cleaning up: a "
                "time limit on that wait (`asyncio.wait(pending, timeout=...)`) leaves them "
                "running. Wait until every cancelled source has finished, however long its "
                "cleanup takes."
            )
    if outcome.running_at_return:
        kit.fail(
            f"{what} cancelled {len(outcome.running_at_return)} source(s) but returned before "
            "they had finished: cancel() only asks, and a source may await in its cleanup "
            "(`asyncio.sleep(0)` is not enough). Await them after cancelling (a TaskGroup "
            "does; or `await asyncio.gather(*pending, return_exceptions=True)`)."
        )
    return outcome


def expect_at(outcome: Outcome, expected: float, what: str, slower: str, faster: str = "") -> None:
    if abs(outcome.at - expected) > 1e-6:
        kit.fail(
            f"{what} took {outcome.at:g} s of loop time; expected {expected:g} s. "
            + (slower if outcome.at > expected else faster)
        )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """first_match is an async def."""
    kata.get("first_match", "coroutine")


def test_returns_first_match_and_stops_the_rest(kata: kit.Kata) -> None:
    """Values 30@3s, 10@1s, 20@2s, 50@5s, 40@4s with pred v >= 20: 20 at 2 s, others cancelled."""
    sources = Sources(SOURCES)
    what = "first_match(sources, lambda v: v >= 20)"
    outcome = grade(kata, sources, sources.callables(), lambda v: v >= 20, what)
    kit.expect_equal(len(sources.calls), 5, f"the number of sources {what} asked")
    at_once = sum(1 for c in sources.calls if c.started == 0.0)
    kit.expect(
        at_once == 5,
        f"{what} asked {at_once} source(s) at once; all 5 should start at the same time.",
    )
    value = outcome.value
    if value is None and abs(outcome.at - 1.0) < 1e-6:
        kit.fail(
            f"{what} returned None at 1 s, when the first answer (10) did not satisfy pred; "
            "expected 20, at 2 s: one answer that fails pred is no reason to stop. Keep "
            "waiting (asyncio.wait in a loop) until an answer matches or every source has "
            "answered."
        )
    if value == 10:
        kit.fail(
            f"{what} returned 10, the first answer, which does not satisfy pred: keep waiting "
            "until an answer satisfies pred(value)."
        )
    if value == 30:
        kit.fail(
            f"{what} returned 30, the first matching source in list order; expected 20, the "
            "first match in time (after 2 s): do not await the sources in list order."
        )
    kit.expect_equal(value, 20, f"what {what} returned", "20 is the first answer (at 2 s) >= 20.")
    expect_at(
        outcome,
        2.0,
        what,
        slower="That is after the first match (20, at 2 s)"
        + (": did you wait for every source?" if outcome.at == 5.0 else ".")
        + " Stop the others as soon as one answer matches.",
    )
    kit.expect_equal(
        sources.cancelled_values(),
        [30, 40, 50],
        f"the sources {what} cancelled (by value)",
        "The sources still running at the first match must be cancelled.",
    )


@pytest.mark.parametrize("cleanup", [1.0, 6.0, 600.0])
def test_cleanup_is_awaited(kata: kit.Kata, cleanup: float) -> None:
    """Sources that await for 1 s (or 6 s, or 600 s) in their cleanup: the match (2 s) is
    returned at 3 s (or 8 s, or 602 s), once they have stopped."""
    sources = Sources(SOURCES, cleanup=cleanup)
    what = (
        f"first_match(sources, lambda v: v >= 20) whose sources clean up for {cleanup:g} s "
        "when cancelled"
    )
    outcome = grade(kata, sources, sources.callables(), lambda v: v >= 20, what)
    kit.expect_equal(outcome.value, 20, f"what {what} returned")
    expect_at(
        outcome,
        2.0 + cleanup,
        what,
        slower=f"The match came at 2 s and the cancelled sources had stopped at "
        f"{2.0 + cleanup:g} s.",
        faster="The cancelled sources were still cleaning up: await them.",
    )


def test_no_match_returns_none(kata: kit.Kata) -> None:
    """No value satisfies pred: None after the slowest source."""
    sources = Sources(SOURCES)
    what = "first_match(sources, lambda v: v > 100)"
    outcome = grade(kata, sources, sources.callables(), lambda v: v > 100, what)
    kit.expect(
        outcome.value is None,
        f"{what} returned {outcome.value!r}; no value satisfies pred, so it should return None.",
    )
    expect_at(
        outcome,
        5.0,
        what,
        slower="The sources ran one after another (that is the sum of their delays): ask "
        "them all at once."
        if outcome.at == 15.0
        else "Return None as soon as the last source has answered.",
        faster="Without a match you must wait for every source before returning None.",
    )
    kit.expect(
        not sources.cancelled_values(), f"{what} cancelled a source although no value matched."
    )


def test_falsy_match(kata: kit.Kata) -> None:
    """A matching value of 0 is returned, not None."""
    sources = Sources([(2.0, 5), (1.0, 0), (3.0, 7)])
    what = "first_match(sources, lambda v: v == 0) where 0 arrives at 1 s"
    outcome = grade(kata, sources, sources.callables(), lambda v: v == 0, what)
    kit.expect_equal(
        outcome.value,
        0,
        f"what {what} returned",
        "A match can be a falsy value (0, '', []): test `pred(value)`, not the value itself, "
        "and keep the value in a variable of its own.",
    )
    expect_at(outcome, 1.0, what, slower="Stop as soon as a value matches.")


def test_none_is_a_match(kata: kit.Kata) -> None:
    """A matching value of None ends the search at once, like any other match."""
    sources = Sources([(2.0, 5), (1.0, None), (3.0, 7)])
    what = "first_match(sources, lambda v: v is None) where None arrives at 1 s"
    outcome = grade(kata, sources, sources.callables(), lambda v: v is None, what)
    kit.expect(outcome.value is None, f"{what} returned {outcome.value!r}; expected None.")
    expect_at(
        outcome,
        1.0,
        what,
        slower="None satisfied pred at 1 s: it is a match like any other. Do not use None "
        "to mean 'no match yet'; keep a flag (or the task) of its own.",
    )


@pytest.mark.parametrize(
    ("name", "spec", "order", "generator", "allowed"),
    [
        ("two matches in the same loop step", [(1.0, 7), (1.0, 8), (2.0, 9)], None, False, (7, 8)),
        ("a miss and a match in the same step", [(1.0, 1), (1.0, 8), (2.0, 9)], None, False, (8,)),
        ("a generator of sources", [(2.0, 5), (1.0, 8), (3.0, 9)], None, True, (8,)),
        ("the same source listed twice", [(1.0, 8), (3.0, 9)], [1, 0, 0], False, (8,)),
        ("a match off any polling grid", [(3.0, 9), (1.013, 8), (0.027, 1)], None, False, (8,)),
        ("twelve sources", [(2.0, 1)] * 11 + [(1.0, 8)], None, False, (8,)),
        ("one source", [(1.0, 8)], None, False, (8,)),
    ],
)
def test_other_shapes(
    kata: kit.Kata,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    spec: list[tuple[float, Any]],
    order: list[int] | None,
    generator: bool,
    allowed: tuple[Any, ...],
) -> None:
    """Ties, a generator of sources, a source listed twice, a match at an odd time, many
    sources: the first match (by time), as soon as it comes."""
    sources = Sources(spec)
    made = sources.callables(order)
    listed = [spec[s] for s in (order if order is not None else range(len(spec)))]
    shown = [f"{v!r}@{d:g}s" for d, v in listed]
    runs = [(a, len(list(g))) for a, g in itertools.groupby(shown)]
    what = (
        f"first_match({'a generator of ' if generator else ''}sources answering "
        f"{', '.join(a + (f' x{n}' if n > 1 else '') for a, n in runs)}, lambda v: v >= 7) "
        f"({name})"
    )
    naps = kit.watch_sleeps(kata, monkeypatch, message=POLLING)
    outcome = grade(kata, sources, (m for m in made) if generator else made, lambda v: v >= 7, what)
    if generator and len(sources.calls) < len(made):
        kit.fail(
            f"{what} asked {len(sources.calls)} of {len(made)} sources: a generator can be "
            "walked only once. Make a list of the sources first (`sources = list(sources)`)."
        )
    kit.expect_equal(
        len(sources.calls),
        len(made),
        f"the number of sources {what} asked",
        "Ask every source once; a source listed twice is asked twice.",
    )
    at_once = sum(1 for c in sources.calls if c.started == 0.0)
    kit.expect(
        at_once == len(made),
        f"{what} asked {at_once} of the {len(made)} sources at once, the others later: ask "
        "every source at the same time, with no limit (no Semaphore, no batches).",
    )
    kit.expect(
        outcome.value in allowed,
        f"{what} returned {outcome.value!r}; expected "
        f"{' or '.join(repr(v) for v in allowed)}, the first answer (by time) that satisfies "
        "pred. When several answers arrive in the same loop step, check every one of them.",
    )
    first = min(d for d, v in listed if v in allowed)
    polled = (
        f" Your code called asyncio.sleep({naps[0]:g}) {len(naps)} time(s), looking for "
        "answers between naps, so it saw the match only at its next look: wait on the tasks "
        "themselves (`asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)`, or a "
        "TaskGroup and a sentinel exception)."
        if naps
        else ""
    )
    expect_at(outcome, first, what, slower="Stop as soon as a value matches." + polled)


def test_no_sources(kata: kit.Kata) -> None:
    """No sources: None, at once."""
    sources = Sources([])
    outcome = grade(kata, sources, [], lambda v: True, "first_match([], pred)")
    kit.expect(
        outcome.value is None and outcome.at == 0,
        f"first_match([], pred) returned {outcome.value!r} after {outcome.at:g} s; "
        "expected None at once.",
    )


def cancel_the_caller(
    kata: kit.Kata, sources: Sources, at: float, what: str, seen: dict[str, Any]
) -> kit.Run[Any]:
    """Run first_match(sources, lambda v: v >= 20) in a task cancelled at ``at``; its run's
    value is "cancelled" or what the call returned. ``seen`` gets, as the call ended (before
    the kit's own cleanup cancels what it left behind), the values of the sources cancelled
    ("cancelled") and of those still running ("running")."""
    first_match = kata.get("first_match", "coroutine")

    async def scenario() -> Any:
        task = asyncio.create_task(first_match(sources.callables(), lambda v: v >= 20))
        await asyncio.sleep(at)
        task.cancel()
        await asyncio.wait([task])
        seen["cancelled"] = sources.cancelled_values()
        seen["running"] = sorted(sources.spec[c.source][1] for c in sources.running())
        if task.cancelled():
            return "cancelled"
        if task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        return task.result()

    return kata.run(scenario, what=what, leftover_tasks=True)


def test_caller_cancellation_propagates(kata: kit.Kata) -> None:
    """Cancelling the caller at 1.5 s cancels every source and ends in CancelledError."""
    sources = Sources(SOURCES)
    what = "first_match(sources, lambda v: v >= 20) whose caller is cancelled at 1.5 s"
    seen: dict[str, Any] = {}
    result = cancel_the_caller(kata, sources, 1.5, what, seen)
    kit.expect(
        result.value == "cancelled",
        f"{what} returned {result.value!r} instead of raising CancelledError: the caller's "
        "cancellation was swallowed (`except* BaseException` or `except BaseException` "
        "catches it too). Catch only your own sentinel, and let CancelledError propagate.",
    )
    kit.expect(
        not seen.get("running"),
        f"when {what}, the sources answering {seen.get('running')} were still running as it "
        "ended: cancelling first_match must cancel every source, and await them, in a "
        "`finally:` (a TaskGroup does it for you).",
    )
    kit.expect_equal(
        seen.get("cancelled"),
        [20, 30, 40, 50],
        f"the sources cancelled when {what}",
        "Cancelling first_match must cancel every source still running.",
    )


def test_truthy_pred_answer_is_a_match(kata: kit.Kata) -> None:
    """A pred that answers with a truthy value that is not True (a non-empty string)."""
    sources = Sources(SOURCES)

    def pred(value: Any) -> Any:
        return "big" if value >= 20 else ""

    what = "first_match(sources, pred) where pred(v) is 'big' for v >= 20 and '' otherwise"
    outcome = grade(kata, sources, sources.callables(), pred, what)
    kit.expect(
        outcome.value == 20,
        f"{what} returned {outcome.value!r}; expected 20, which arrives at 2 s: a value "
        "satisfies pred when pred(value) is truthy, as in `if pred(value):`, not only when it "
        "is True.",
    )
    expect_at(outcome, 2.0, what, slower="Stop as soon as a value matches.")


def test_uneven_cleanups_are_all_awaited(kata: kit.Kata) -> None:
    """Cancelled sources that clean up for 1.5, 0.5 and 1 s: the match (2 s) is returned once
    the last of them has stopped (3.5 s), not when the first one has."""
    sources = Sources(SOURCES, cleanup=[1.5, 0.0, 0.0, 0.5, 1.0])
    what = (
        "first_match(sources, lambda v: v >= 20) whose cancelled sources clean up for 1.5, "
        "0.5 and 1 s"
    )
    outcome = grade(kata, sources, sources.callables(), lambda v: v >= 20, what)
    kit.expect_equal(outcome.value, 20, f"what {what} returned")
    expect_at(
        outcome,
        3.5,
        what,
        slower="The match came at 2 s and the last cancelled source had stopped at 3.5 s.",
        faster="Wait for every cancelled source (`asyncio.gather(*tasks, "
        "return_exceptions=True)`, or `asyncio.wait(tasks)` with its default ALL_COMPLETED), "
        "not only for the first one to stop.",
    )


def test_many_sources_all_at_once(kata: kit.Kata) -> None:
    """Three hundred sources of 30, 29.9, ..., 0.1 s and no match: all asked at 0 s, None at
    30 s."""
    n = 300
    sources = Sources([((n - k) * 30 / n, k) for k in range(n)])
    what = "first_match(300 sources of 30, 29.9, ..., 0.1 s, lambda v: v < 0)"
    outcome = grade(kata, sources, sources.callables(), lambda v: v < 0, what)
    late = [c for c in sources.calls if c.started != 0.0]
    kit.expect(
        len(sources.calls) == n and not late,
        f"{what} asked only {len(sources.calls) - len(late)} of {n} sources at loop time 0; "
        "the others waited for a free slot: ask every source at once, with no limit and no "
        "batches.",
    )
    kit.expect(outcome.value is None, f"{what} returned {outcome.value!r}; expected None.")
    expect_at(outcome, 30.0, what, slower="Ask every source at once.")


def test_a_very_slow_source_is_awaited(kata: kit.Kata) -> None:
    """A source that answers after 600 s of loop time is waited for: its match is returned
    then (no timeout)."""
    sources = Sources([(600.0, 60), (1.0, 10)])
    what = "first_match(sources answering 60 after 600 s and 10 after 1 s, lambda v: v >= 50)"
    outcome = grade(kata, sources, sources.callables(), lambda v: v >= 50, what)
    kit.expect(
        outcome.value == 60 and not sources.cancelled_values(),
        f"{what} returned {outcome.value!r} at {outcome.at:g} s"
        + (", after cancelling the slow source" if sources.cancelled_values() else "")
        + "; expected 60 at 600 s: a slow source still answers. Wait for the sources however "
        "long they take (no timeout).",
    )
    expect_at(outcome, 600.0, what, slower="Return as soon as the match comes.")


def test_caller_cancellation_awaits_long_cleanups(kata: kit.Kata) -> None:
    """Cancelling the caller at 1.5 s, with sources that clean up for 600 s when cancelled:
    first_match ends in CancelledError only once they have finished (no timeout)."""
    first_match = kata.get("first_match", "coroutine")
    sources = Sources(SOURCES, cleanup=600.0)
    what = (
        "first_match(sources, lambda v: v >= 20) whose caller is cancelled at 1.5 s and whose "
        "sources clean up for 600 s when cancelled"
    )
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(first_match(sources.callables(), lambda v: v >= 20))
        await asyncio.sleep(1.5)
        task.cancel()
        await asyncio.wait([task])
        seen["at"] = kit.now()
        seen["running"] = sources.running()  # before the kit's cleanup stops them

    kata.run(scenario, what=what, leftover_tasks=True)
    running = seen["running"]
    if running and all(c.cancelled for c in running) and seen["at"] > 1.5:
        kit.fail(
            f"{what} ended at {seen['at']:g} s while {len(running)} cancelled source(s) were "
            "still cleaning up: it stopped waiting for them before they had finished. Await "
            "the cancelled sources however long their cleanup takes (no timeout)."
        )
    kit.expect(
        not running,
        f"when {what}, {len(running)} source(s) were still running as it ended: cancelling "
        "first_match must cancel every source and await them (a TaskGroup does it for you).",
    )


def test_two_calls_at_once_return_their_own_match(kata: kit.Kata) -> None:
    """first_match(A: "a" after 1 s, and a 10 s source whose cancelled cleanup takes 1 s) and
    first_match(B: "b" after 1.5 s) at once on one loop, pred accepting any value: A returns
    "a" at 2 s, B returns "b" at 1.5 s (neither gets the other's match)."""
    first_match = kata.get("first_match", "coroutine")

    def answers(value: str, delay: float, cleanup: float = 0.0) -> Callable[[], Awaitable[str]]:
        async def source() -> str:
            try:
                await asyncio.sleep(delay)
            except asyncio.CancelledError:
                await asyncio.sleep(cleanup)
                raise
            return value

        return source

    async def settled(aw: Awaitable[Any]) -> Any:
        try:
            return await aw
        except BaseException as exc:  # noqa: BLE001 - what the call ended with is graded
            return f"raised {type(exc).__name__}"

    def anything(_: object) -> bool:
        return True

    async def both() -> Any:
        return await asyncio.gather(
            settled(first_match([answers("a", 1.0), answers("z", 10.0, 1.0)], anything)),
            settled(first_match([answers("b", 1.5)], anything)),
        )

    what = (
        "first_match(A: 'a' after 1 s, and a 10 s source whose cleanup takes 1 s) and "
        "first_match(B: 'b' after 1.5 s) at the same time, pred accepting any value"
    )
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    kit.expect(
        value == ["a", "b"],
        f"in {what}, the calls returned {value[0]!r} and {value[1]!r}; expected 'a' and 'b': "
        "each call returns its own match. Keep the match inside first_match (in the "
        "sentinel exception you raise, or a variable of the call), not in a global or a "
        "class attribute shared by every call.",
    )


MISSES = [(1.0, m) for m in range(7)]  # seven misses (0 to 6: pred is v >= 7) answering at 1 s


@pytest.mark.parametrize(
    ("name", "spec"),
    [
        ("a match listed before seven misses of its step", [(1.0, 8), *MISSES, (2.0, 9)]),
        ("a match listed after seven misses of its step", [*MISSES, (1.0, 8), (2.0, 9)]),
        ("a match among seven misses of its step", [*MISSES[:3], (1.0, 8), *MISSES[3:], (2.0, 9)]),
    ],
)
def test_a_tie_of_a_match_and_misses(
    kata: kit.Kata, monkeypatch: pytest.MonkeyPatch, name: str, spec: list[tuple[float, Any]]
) -> None:
    """A match answering in the same loop step as seven misses, listed before, after and among
    them (three times each: which answer of a set of tasks comes first varies): 8 at 1 s, not
    9 at 2 s, whichever answer of that step the code looks at first."""
    for _ in range(3):
        test_other_shapes(kata, monkeypatch, name, spec, None, False, (8,))


# On 3.11 and 3.12 CPython's own TaskGroup, once a task's exception has made it stop, swallows
# a cancellation of its caller that arrives while it awaits the stopping tasks: it raises the
# task's exception instead, and the docstring's sentinel technique returns the match (fixed in
# 3.13). Code that swallows that cancellation by itself is told so from 3.13 on.
if sys.version_info >= (3, 13):

    def test_caller_cancelled_while_the_others_stop(kata: kit.Kata) -> None:
        """The match comes at 2 s, the other sources clean up for 1 s, and the caller is
        cancelled at 2.5 s, during that cleanup: first_match ends in CancelledError (at 3 s,
        once the sources have stopped), not with the match."""
        sources = Sources(SOURCES, cleanup=1.0)
        what = (
            "first_match(sources, lambda v: v >= 20) whose match comes at 2 s, whose other "
            "sources clean up for 1 s, and whose caller is cancelled at 2.5 s"
        )
        seen: dict[str, Any] = {}
        result = cancel_the_caller(kata, sources, 2.5, what, seen)
        kit.expect(
            result.value == "cancelled",
            f"{what} returned {result.value!r} instead of raising CancelledError: the "
            "caller's cancellation, which came while first_match awaited the sources it had "
            "cancelled, was swallowed (`except CancelledError:` around that await catches it "
            "too). Await the cancelled sources with `asyncio.gather(*tasks, "
            "return_exceptions=True)` or `asyncio.wait(tasks)`, which let it through.",
        )
        kit.expect(
            not seen.get("running"),
            f"when {what}, {len(seen.get('running', []))} source(s) were still running as it "
            "ended: await the cancelled sources before CancelledError leaves first_match.",
        )
