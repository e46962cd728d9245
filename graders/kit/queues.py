"""Watching the learner's asyncio.Queue objects, for the queue graders (07_queues).

- ``WatchedQueue``: an asyncio.Queue that counts the items taken, task_done() and join().
- ``watch_queues(kata, monkeypatch)``: the learner's asyncio.Queue objects become WatchedQueues.
- ``hang_evidence()``: what those counters show about a hang, as a sentence ('' if nothing).
- ``run_hung(kata, call, what, hang_hint)``: ``kata.run(call)`` where a hang is diagnosed from
  the queues' counters when they show why.
- ``cancel_midway(kata, start, at, what, hang_hint, cleaning)``: run ``start()`` as a task,
  cancel it at loop time ``at``, fail unless it ended cancelled, and return what it left
  behind when it ended (``Left``).
- ``EqualToAll`` and ``never_got(receiver, item)``: an item that a sentinel compared with
  ``==`` would swallow, and the sentence for an item that never came through.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest

from .kata import Kata
from .outcomes import fail
from .running import Run

REAL_QUEUE = asyncio.Queue
HANG_AFTER = 1000.0  # loop seconds after which a run counts as hung


class WatchedQueue(asyncio.Queue):  # type: ignore[type-arg]
    """An asyncio.Queue that counts the items taken, the task_done() and join() calls."""

    made: ClassVar[list[WatchedQueue]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.taken = self.done_calls = self.joins = 0
        WatchedQueue.made.append(self)

    def get_nowait(self) -> Any:
        item = super().get_nowait()
        self.taken += 1
        return item

    def task_done(self) -> None:
        self.done_calls += 1
        super().task_done()

    async def join(self) -> None:
        self.joins += 1
        await super().join()


def hang_evidence() -> str:
    """What the learner's queues show about a hang: a join() short of task_done() calls."""
    for queue in WatchedQueue.made:
        if queue.joins and queue.taken == 0 and queue.qsize():
            return (
                f"queue.join() waited while nobody took any of the queue's {queue.qsize()} "
                "item(s): start the worker tasks before you await join()."
            )
        if queue.joins and queue.done_calls < queue.taken:
            return (
                f"queue.join() waited forever: task_done() was called {queue.done_calls} "
                f"time(s) for {queue.taken} item(s) taken from the queue. join() returns only "
                "once every item taken got its task_done(): call it after each item, in a "
                "`finally:` so a failed item counts too."
            )
    return ""


def run_hung(kata: Kata, call: Any, what: str, hang_hint: str, **options: Any) -> Run[Any]:
    """kata.run(call) with a hang diagnosed from the queues' counters when they show why."""
    hung: list[bool] = []

    async def guarded() -> Any:
        try:
            async with asyncio.timeout(HANG_AFTER):
                return await call()
        except TimeoutError:
            hung.append(True)
            return None

    def verdict(_result: Run[Any]) -> None:
        if hung:
            fail(
                f"{what} never finished: still waiting after {HANG_AFTER:g} s of loop time. "
                + (hang_evidence() or (hang_hint() if callable(hang_hint) else hang_hint))
            )

    return kata.run(guarded, what=what, limit=HANG_AFTER * 2, verdict=verdict, **options)


def watch_queues(kata: Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the learner's asyncio.Queue objects WatchedQueues (for an autouse fixture)."""
    WatchedQueue.made = []
    monkeypatch.setattr(asyncio, "Queue", WatchedQueue)
    for name, value in list(vars(kata.module).items()):
        if value is REAL_QUEUE:
            monkeypatch.setattr(kata.module, name, WatchedQueue)


@dataclass
class Left:
    """What a call cancelled midway left when it ended."""

    cancelled: bool = False  # it ended with CancelledError
    tasks: list[asyncio.Task[Any]] = field(default_factory=list)  # tasks still running then
    cleaning: int = 0  # the grader's count of cleanups still under way then


def cancel_midway(
    kata: Kata,
    start: Callable[[], Awaitable[Any]],
    at: float,
    what: str,
    hang_hint: Any,
    cleaning: Callable[[], int],
    grace: float = 0.0,
) -> Left:
    """Run ``start()`` as a task, cancel it at loop time ``at``, and note what was left when
    it ended; then wait ``grace`` more seconds (tasks left behind end before the run does).
    A hang is diagnosed as in ``run_hung``; an error other than the cancellation is raised;
    a call that did not end cancelled fails."""
    left = Left()

    async def scenario() -> None:
        task = asyncio.ensure_future(start())
        await asyncio.sleep(at)
        task.cancel()
        await asyncio.wait([task])
        me = asyncio.current_task()
        left.tasks = [t for t in asyncio.all_tasks() if t is not me and not t.done()]
        left.cleaning = cleaning()
        left.cancelled = task.cancelled()
        if grace:
            await asyncio.sleep(grace)
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]

    run_hung(kata, scenario, what, hang_hint)
    if not left.cancelled:
        fail(
            f"{what} did not end with CancelledError: after stopping the workers, let the "
            "cancellation out."
        )
    return left


class EqualToAll:
    """An item that compares equal to everything (a careless ``__eq__`` does): a stop
    signal compared with ``==`` takes it for itself."""

    __hash__ = object.__hash__

    def __eq__(self, other: object) -> bool:
        return True

    def __repr__(self) -> str:
        return "<an item equal to everything>"


def never_got(receiver: str, item: Any) -> str:
    """The sentence for an item that never reached ``receiver`` (taken for a stop signal)."""
    return (
        f"{receiver} never got the item {item!r}. Items may be anything: an item may compare "
        "equal to anything with ==, and Ellipsis is an item too. A stop signal must be an "
        "object of your own (`STOP = object()`), compared with `is`."
    )
