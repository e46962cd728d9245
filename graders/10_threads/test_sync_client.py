"""Grader for 10_threads/sync_client: one loop in a background thread, called from plain code.

Checks on the real clock, every learner call guarded by a time limit.

Docstring sentence -> the check that enforces it:

- "Creating one starts an event loop in a background thread that runs until `close()`"
  -> test_one_loop_in_a_background_thread (the coroutine runs in another thread, and a task
  started by one call still runs at the next)
- "`call(coro_fn, *args)` ... runs `coro_fn(*args)` on that loop, blocks until it finishes,
  and returns its result (or raises its exception)" -> test_values_and_errors;
  test_calls_from_threads_overlap (each of six overlapping calls returns its own result);
  test_a_call_cut_short_by_close_does_not_return (a coroutine cancelled by close() has no
  result: call() raises, never returns None);
  test_call_has_no_time_limit (a call that waits with a timeout of up to 3 s, seen in the
  calling thread's stack, is outlasted; a longer timeout of Future.result, Event.wait or
  Thread.join is made to run out early: TimeoutError fails it)
- "Every call runs on the SAME loop, so state lives on across calls" ->
  test_one_loop_in_a_background_thread (asyncio.run per call named when two loops were seen)
- "Calls made at the same time from several threads run concurrently on that loop" ->
  test_calls_from_threads_overlap
- "`close()` cancels the tasks still running on the loop (and waits for them), stops the
  loop, closes it and joins the thread" -> test_close_with_nothing_pending,
  test_close_leaves_nothing_running (a close()
  that hangs with the loop still running names a stop() that did not wake the loop, or a
  cleanup coroutine close() waits for that never ends (close() seen in Future.result()); a
  task cancelled but never run to its end is named as such); test_close_waits_for_slow_cleanup
  (a close() that waits with a timeout of up to 3 s is outlasted by a task's cleanup, a longer
  one made to run out early: giving up before the cleanup ends fails it; when close() shows
  no timeout, the cleanup is held 2 s, so a time limit in the loop's thread is seen too);
  test_close_right_after_the_constructor (a client never called: close() works, no thread
  left; the constructor, not the first call(), starts the thread)
- "`call()` works as soon as the constructor has returned" -> test_call_right_after_the_constructor
  (20 clients, each called at once: a loop created only inside the new thread is not there yet;
  a later client whose call finds its loop closed, one an earlier client closed, is named so)
- "Creating one starts an event loop in a background thread" (each client its own) and
  "`close()` cancels the tasks still running on the loop" (its own) ->
  test_two_clients_at_once (two clients: two loops; the first's close() cancels its task,
  the second still answers)
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import kit
import pytest

HANG = (
    "A coroutine handed to a loop from another thread must go through "
    "`asyncio.run_coroutine_threadsafe(coro, loop)`, which wakes the loop up; "
    "`loop.create_task` from another thread is not thread-safe and the loop may never notice."
)


def _within(
    what: str, fn: Callable[[], Any], seconds: float = 5.0, hint: Callable[[], str] | None = None
) -> Any:
    """Run ``fn`` in a helper thread; fail if it has not returned after ``seconds`` (with
    ``hint()``'s sentence when it has one, else the usual one)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the grading thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="grader-call", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        kit.fail(f"{what} did not return within {seconds:g} s. {(hint and hint()) or HANG}")
    if "error" in box:
        raise box["error"]
    return box.get("value")


class Session:
    """The learner's client under test, and the loops it was seen to run on."""

    def __init__(self, kata: kit.Kata) -> None:
        self.kata = kata
        self.cls = kata.get("SyncClient", "class")
        self.loops: list[asyncio.AbstractEventLoop] = []
        self.threads_before = set(threading.enumerate())
        self.client: Any = self.do("SyncClient()", self.cls)
        # A client not ready when its constructor returns is named by
        # test_call_right_after_the_constructor; the other checks give it a moment.
        time.sleep(0.05)

    def do(
        self,
        what: str,
        fn: Callable[[], Any],
        hint: Callable[[], str] | None = None,
        **options: Any,
    ) -> Any:
        """Call learner code under the time limit, with the kit's error and warning checks."""
        result = self.kata.call(lambda: _within(what, fn, hint=hint), what=what, **options)
        return result.error if "raises" in options else result.value

    def call(self, coro_fn: Callable[..., Any], *args: Any) -> Any:
        """client.call(coro_fn, *args), noting the loop the coroutine ran on."""

        async def noted() -> Any:
            self.loops.append(asyncio.get_running_loop())
            return await coro_fn(*args)

        return self.do(f"client.call({coro_fn.__name__}, ...)", lambda: self.client.call(noted))

    def new_threads(self) -> list[threading.Thread]:
        """Threads started since the client was made that are still alive (not the grader's)."""
        return [
            t
            for t in threading.enumerate()
            if t not in self.threads_before and t.is_alive() and t.name != "grader-call"
        ]

    def cleanup(self) -> None:
        """Stop whatever loop the learner left running, so no thread outlives the test."""
        with contextlib.suppress(BaseException):
            _within("close()", self.client.close, 5.0)
        for loop in self.loops:
            if not loop.is_closed():
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(loop.stop)
        for thread in self.new_threads():
            thread.join(2.0)


@pytest.fixture
def session(kata: kit.Kata) -> Iterator[Session]:
    """A SyncClient made for this test, cleaned up afterwards whatever happened."""
    made = Session(kata)
    try:
        yield made
    finally:
        made.cleanup()


async def add(a: int, b: int) -> int:
    """A small coroutine for the client to run."""
    await asyncio.sleep(0.01)
    return a + b


async def boom() -> None:
    """A coroutine that fails."""
    await asyncio.sleep(0.01)
    raise ValueError("boom from the loop thread")


def test_is_a_class(kata: kit.Kata) -> None:
    """SyncClient is a class."""
    kata.get("SyncClient", "class")


def test_values_and_errors(session: Session) -> None:
    """call returns the coroutine's value and raises its exception."""
    value = session.call(add, 2, 3)
    kit.expect_equal(
        value,
        5,
        "client.call(add, 2, 3)",
        "Return the coroutine's result: `run_coroutine_threadsafe(...).result()`.",
    )
    error = session.do("client.call(boom)", lambda: session.client.call(boom), raises=(ValueError,))
    kit.expect(
        isinstance(error, ValueError),
        "the coroutine raised ValueError but client.call(...) did not: `future.result()` "
        "re-raises it in the calling thread; do not catch it.",
    )


def test_one_loop_in_a_background_thread(session: Session) -> None:
    """Calls run in another thread, all on one loop: a task from call 1 still runs in call 2."""
    ticks: list[float] = []
    holder: dict[str, asyncio.Task[None]] = {}

    async def ticker() -> None:
        while True:
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    async def start() -> threading.Thread:
        session.loops.append(asyncio.get_running_loop())
        holder["task"] = asyncio.create_task(ticker())
        return threading.current_thread()

    async def check() -> bool:
        return not holder["task"].done()

    caller: list[threading.Thread] = []

    def first_call() -> Any:
        caller.append(threading.current_thread())
        return session.client.call(start)

    ran_in = session.do("client.call(start)", first_call)
    kit.expect(
        ran_in is not caller[0],
        "client.call(...) ran the coroutine in the calling thread: did you use asyncio.run() "
        "in call()? Start one loop in a background thread in __init__ (loop.run_forever) "
        "and hand coroutines to it with asyncio.run_coroutine_threadsafe.",
    )
    time.sleep(0.1)
    still_running = session.call(check)
    kit.expect(
        len(session.loops) == 2 and session.loops[0] is session.loops[1],
        "call 1 and call 2 ran on two different event loops: did you use asyncio.run() in "
        "call()? It creates a new event loop each time and tears it down after, so nothing "
        "(a session, a lock, a task) survives between calls. Keep one loop running in a "
        "background thread.",
    )
    kit.expect(
        still_running and len(ticks) > 1,
        "a task started by one call() was gone by the next: the loop must keep running "
        "between calls (loop.run_forever in the background thread), not only during them.",
    )


def test_calls_from_threads_overlap(session: Session) -> None:
    """Six threads calling at once, each for 0.3 s, finish well under the 1.8 s sum, and
    each call returns its own coroutine's result."""
    results: dict[int, Any] = {}

    async def pause(number: int) -> int:
        await asyncio.sleep(0.3 + 0.02 * number)  # they end one after the other
        return number

    def six_at_once() -> float:
        errors: list[BaseException] = []

        def one(number: int) -> None:
            try:
                results[number] = session.client.call(pause, number)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        start = time.perf_counter()
        threads = [threading.Thread(target=one, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        return time.perf_counter() - start

    took = session.do("six client.call(...) from six threads", six_at_once)
    kit.expect(
        took < 0.9,
        f"six threads each calling a 0.3 s coroutine at once took {took:.2f} s, close to the "
        "1.8 s they take one at a time: do not serialise call() with a lock around "
        "`future.result()`; the loop runs every submitted coroutine concurrently.",
    )
    got = [results.get(n) for n in range(6)]
    kit.expect(
        got == list(range(6)),
        f"six threads calling at once, thread n calling a coroutine that returns n (0 to 5, "
        f"the first ending first), got {got!r}; expected [0, 1, 2, 3, 4, 5]: a call returned "
        "another call's result. Each call() must wait for its own coroutine: keep the future "
        "that run_coroutine_threadsafe returns for this call and return `future.result()`, "
        "not a result slot or an Event shared by every call.",
    )


def test_close_leaves_nothing_running(session: Session) -> None:
    """close() joins the loop thread, closes the loop and cancels tasks still pending."""
    finished: list[str] = []

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            await asyncio.sleep(0.3)  # a cleanup that takes a while: close() must wait for it
            finished.append("cleaned up")

    async def start() -> None:
        asyncio.get_running_loop().__dict__.setdefault("grader_tasks", []).append(
            asyncio.create_task(forever())
        )

    session.call(start)
    loop = session.loops[0]

    def still_running() -> str:
        if loop.is_running() and _awaits_a_future():
            return (
                "The loop was still running, and close() was still blocked in a "
                "Future.result() (not yet joining the thread): a coroutine that close() "
                "handed to the loop never finished. If it cancels the loop's tasks and waits "
                "for them, leave itself out (`asyncio.current_task()`), or do the cleanup in "
                "the loop's thread once run_forever() has returned."
            )
        if loop.is_running():
            return (
                "The loop was still running: loop.stop() called from another thread does not "
                "wake a loop asleep in select(), so it never stops. Schedule it on the loop's "
                "own thread: `loop.call_soon_threadsafe(loop.stop)`, then join the thread."
            )
        return ""

    session.do("client.close()", session.client.close, hint=still_running)
    alive = session.new_threads()
    kit.expect(
        not alive,
        f"after close() returned, {len(alive)} thread(s) it started were still running "
        f"({', '.join(t.name for t in alive)}): stop the loop with "
        "`loop.call_soon_threadsafe(loop.stop)`, then `thread.join()` before returning.",
    )
    kit.expect(
        loop.is_closed(),
        "after close() the event loop was not closed: once run_forever() returns, call "
        "loop.close() (in the loop's thread) to release its resources.",
    )
    pending = loop.__dict__.get("grader_tasks", [])
    kit.expect(
        finished == ["cleaned up"] or not any(t.cancelling() for t in pending),
        "a task still pending on the loop was cancelled, but the loop was stopped before the "
        "task could run its cleanup: after cancelling, run the loop until the tasks finish "
        "(loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))), and only "
        "then close it.",
    )
    kit.expect(
        finished == ["cleaned up"],
        "a task still pending on the loop was never cancelled: close() stopped the loop "
        "under it. Before closing the loop, cancel asyncio.all_tasks(loop) and run the "
        "loop until they finish (loop.run_until_complete(asyncio.gather(..., "
        "return_exceptions=True))).",
    )


def test_close_with_nothing_pending(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """close() when no task is left on the loop: the loop is closed, the thread ended."""
    died: list[BaseException] = []
    monkeypatch.setattr(
        threading, "excepthook", lambda args: died.append(args.exc_value or Exception())
    )
    kit.expect_equal(session.call(add, 1, 2), 3, "client.call(add, 1, 2)")
    loop = session.loops[0]
    session.do("client.close()", session.client.close)
    alive = session.new_threads()
    if died:
        error = died[0]
        if isinstance(error, RuntimeError) and "no current event loop" in str(error):
            kit.fail(
                "client.close() with no task left on the loop: the loop's thread died with "
                f"RuntimeError: {error} (at {session.kata.where(error)}). asyncio.gather() "
                "with no awaitables looks up the thread's current event loop, and the loop's "
                "thread had none: call asyncio.set_event_loop(loop) in that thread before "
                "loop.run_forever() (or skip the gather when no task is left)."
            )
        kit.fail(
            "client.close() with no task left on the loop: the loop's thread died with "
            f"{type(error).__name__}: {error} (at {session.kata.where(error)}), so the loop was "
            f"{'closed' if loop.is_closed() else 'never closed'}. The shutdown must work with "
            "nothing to cancel too (asyncio.wait() of an empty set raises ValueError; "
            "asyncio.gather() of none is fine)."
        )
    kit.expect(
        not alive and loop.is_closed(),
        "client.close() with no task left on the loop "
        + (f"left {len(alive)} thread(s) running" if alive else "did not close the loop")
        + ": the shutdown must work with nothing to cancel too.",
    )


# Checked last: earlier wrong answers fail the checks above first.

LONGEST_TIMEOUT = 3.0  # a learner's wait timeout the grader outlasts (real seconds)
HELD = 2.0  # how long a cleanup lasts when close() shows no timeout (real seconds)
CUT_SHORT = 0.5  # a longer one, in the learner's calling thread, runs out after this instead

_calling = threading.local()  # .learner is True in the grader thread that calls the learner


@contextmanager
def long_waits_cut_short() -> Iterator[None]:
    """While active, a wait with a timeout over LONGEST_TIMEOUT made in the learner's calling
    thread (Condition.wait: Future.result, Event.wait; Thread.join) waits CUT_SHORT seconds
    and then ends as that timeout would: what a slower coroutine does to it, without the wait.
    Waits that loop until their own deadline (queue.get, wait_for) are not cut short."""
    condition_wait, thread_join = threading.Condition.wait, threading.Thread.join

    def wait(self: threading.Condition, timeout: float | None = None) -> bool:
        if getattr(_calling, "learner", False) and timeout is not None:
            if timeout > LONGEST_TIMEOUT:
                return condition_wait(self, CUT_SHORT)
        return condition_wait(self, timeout)

    def join(self: threading.Thread, timeout: float | None = None) -> None:
        if getattr(_calling, "learner", False) and timeout is not None:
            if timeout > LONGEST_TIMEOUT:
                return thread_join(self, CUT_SHORT)
        return thread_join(self, timeout)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(threading.Condition, "wait", wait)
        patch.setattr(threading.Thread, "join", join)
        yield


def _cut_short(waited: float) -> str:
    """The note for a timeout the grader let run out early."""
    return ", which the grader let run out early" if waited > LONGEST_TIMEOUT else ""


def _timeouts_in(thread: threading.Thread) -> list[float]:
    """The positive ``timeout`` arguments of the calls ``thread`` is blocked in right now
    (``future.result(timeout=...)``, ``thread.join(timeout)``, ``event.wait(timeout)``)."""
    frame = sys._current_frames().get(thread.ident or -1)
    found: list[float] = []
    while frame is not None:
        value = frame.f_locals.get("timeout")
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            found.append(float(value))
        frame = frame.f_back
    return found


def _awaits_a_future() -> bool:
    """Whether a grader-call thread is blocked in concurrent.futures' Future.result() now."""
    frames = sys._current_frames()
    for thread in threading.enumerate():
        if thread.name != "grader-call" or not thread.is_alive():
            continue
        frame = frames.get(thread.ident or -1)
        while frame is not None:
            code = frame.f_code
            if code.co_name == "result" and "concurrent" in code.co_filename:
                return True
            frame = frame.f_back
    return False


def _outlast(thread: threading.Thread) -> float:
    """Wait while ``thread`` is blocked; when it waits with a timeout, wait past that timeout
    (past CUT_SHORT for one over LONGEST_TIMEOUT). Returns the timeout (0 when none)."""
    time.sleep(0.05)  # the thread reaches its blocking wait
    timeouts = _timeouts_in(thread)
    if not timeouts:
        return 0.0
    short = [t for t in timeouts if t <= LONGEST_TIMEOUT]
    if max(timeouts) > LONGEST_TIMEOUT:
        short.append(CUT_SHORT)
    thread.join(max(short) + 0.5)
    return max(timeouts)


def _in_thread(fn: Callable[[], Any], outcome: dict[str, Any]) -> threading.Thread:
    """Start ``fn`` in a grader thread; its value or error lands in ``outcome``."""

    def target() -> None:
        _calling.learner = True
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="grader-call", daemon=True)
    thread.start()
    return thread


def test_call_has_no_time_limit(session: Session) -> None:
    """call() blocks until the coroutine finishes, however long it takes (no timeout)."""
    started = threading.Event()
    release: list[Callable[[], None]] = []

    async def until_released() -> str:
        session.loops.append(asyncio.get_running_loop())
        future = asyncio.get_running_loop().create_future()
        release.append(
            lambda: future.get_loop().call_soon_threadsafe(
                lambda: future.done() or future.set_result("done")
            )
        )
        started.set()
        return await future

    outcome: dict[str, Any] = {}
    with long_waits_cut_short():
        thread = _in_thread(lambda: session.client.call(until_released), outcome)
        deadline = time.monotonic() + 5.0
        while not started.wait(0.01) and thread.is_alive() and time.monotonic() < deadline:
            pass
        if not started.is_set() and "error" in outcome:
            raise outcome["error"]  # call() failed before the coroutine started
        kit.expect(started.is_set(), "client.call(...) did not start the coroutine within 5 s.")
        waited = _outlast(thread)
        release[0]()
        thread.join(5.0)
    error = outcome.get("error")
    kit.expect(
        not isinstance(error, TimeoutError),
        "client.call(...) raised TimeoutError while the coroutine was still running: call() "
        f"waits for the result with a timeout ({waited:g} s{_cut_short(waited)}), so a slower "
        "coroutine makes it "
        "fail. call must block until the coroutine finishes, however long it takes: "
        "`future.result()` with no timeout.",
    )
    if error is not None:
        raise error


def test_close_waits_for_slow_cleanup(session: Session) -> None:
    """close() waits for the cancelled tasks however long their cleanup takes (no timeout)."""
    started, cleaning = threading.Event(), threading.Event()
    release: list[Callable[[], None]] = []
    finished: list[str] = []

    async def slow_cleanup() -> None:
        try:
            started.set()
            await asyncio.sleep(3600)
        finally:
            future = asyncio.get_running_loop().create_future()
            release.append(
                lambda: future.get_loop().call_soon_threadsafe(
                    lambda: future.done() or future.set_result(None)
                )
            )
            cleaning.set()
            await future
            finished.append("cleaned up")

    async def start() -> None:
        asyncio.get_running_loop().__dict__.setdefault("grader_tasks", []).append(
            asyncio.create_task(slow_cleanup())
        )

    session.call(start)
    loop = session.loops[0]
    kit.expect(started.wait(5.0), "a task started by client.call(...) never ran.")
    outcome: dict[str, Any] = {}
    with long_waits_cut_short():
        thread = _in_thread(session.client.close, outcome)
        if not cleaning.wait(5.0):
            return  # the task's cancellation never ran: the checks above name that
        waited = _outlast(thread)
        if not waited:
            # No timeout in close()'s own thread: hold the cleanup for 2 s anyway (a timeout
            # may sit in the loop's thread, asyncio.wait(tasks, timeout=1) for one).
            thread.join(HELD)
        cut_short = not thread.is_alive() and not finished
        with contextlib.suppress(RuntimeError):  # a loop closed under the task: named below
            release[0]()
        thread.join(5.0)
    ended = f"raised {type(outcome['error']).__name__}" if "error" in outcome else "returned"
    left = "" if loop.is_closed() else " and left the loop open"
    kit.expect(
        not (cut_short and not waited),
        f"client.close() {ended} while a cancelled task was still running its cleanup (which "
        f"took {HELD:g} s): the loop was {'closed' if loop.is_closed() else 'stopped'} with the "
        "task still pending, its cleanup never finished. Give the cancelled tasks no time "
        "limit (no asyncio.wait(tasks, timeout=...)): `loop.run_until_complete("
        "asyncio.gather(*tasks, return_exceptions=True))`, then close the loop.",
    )
    kit.expect(
        not (cut_short and waited),
        "client.close() gave up while a cancelled task was still running its cleanup (it "
        f"waited with a timeout of {waited:g} s{_cut_short(waited)}, then {ended}{left}). "
        "Wait for the cancelled "
        "tasks, and join the thread, with no timeout: `loop.run_until_complete("
        "asyncio.gather(*tasks, return_exceptions=True))`, then `thread.join()`.",
    )


REUSED_LOOP = (
    "clients made one after the other (each closed before the next) worked {i} time(s), "
    "then the next client's call raised RuntimeError: {error}: that client ran on a loop "
    "already closed. "
    "Each SyncClient makes a loop of its own with asyncio.new_event_loop() (not "
    "asyncio.get_event_loop(), nor one loop kept for every client), which its close() closes."
)


def test_call_right_after_the_constructor(kata: kit.Kata) -> None:
    """SyncClient() then at once client.call(...), 20 times: call() works every time."""
    cls = kata.get("SyncClient", "class")
    made: list[Any] = []  # the coroutines handed to call(), closed at the end if never run
    before = set(threading.enumerate())

    def add_noted(a: int, b: int) -> Any:
        made.append(add(a, b))
        return made[-1]

    def twenty() -> str:
        for i in range(20):
            client = cls()
            try:
                value = client.call(add_noted, 1, 2)
            except Exception as error:  # noqa: BLE001 - named in the sentence below
                if i and isinstance(error, RuntimeError) and "loop is closed" in str(error):
                    return REUSED_LOOP.format(i=i, error=error)
                return f"raised {type(error).__name__}: {error}"
            finally:
                with contextlib.suppress(Exception):
                    client.close()
            if value != 3:
                return f"returned {value!r}, not 3"
        return ""

    what = "SyncClient() followed at once by client.call(add, 1, 2), 20 times"
    try:
        problem = kata.call(lambda: _within(what, twenty, 10.0), what=what).value
        if problem.startswith(REUSED_LOOP.split(" {", 1)[0]):
            kit.fail(f"{what}: {problem}")
    finally:
        for coro in made:
            coro.close()  # one the client never ran must not warn "never awaited"
        for thread in set(threading.enumerate()) - before:
            if thread.name != "grader-call":
                thread.join(2.0)
    kit.expect(
        not problem,
        f"{what}: one call {problem}. The constructor must return only once call() works: "
        "create the loop in __init__ (asyncio.new_event_loop()) before starting the thread "
        "that runs it, or have __init__ wait (a threading.Event) until the thread has made it.",
    )


def test_close_right_after_the_constructor(kata: kit.Kata) -> None:
    """SyncClient() then at once client.close(), with no call: it works and leaves no thread."""
    cls = kata.get("SyncClient", "class")
    before = set(threading.enumerate())
    kept: list[Any] = []  # a client whose close() failed, its loop closed by the grader

    def make_and_close() -> str:
        client = cls()
        try:
            client.close()
        except Exception as error:  # noqa: BLE001 - named in the sentence below
            kept.append(client)
            return f"raised {type(error).__name__}: {error}"
        return ""

    what = "SyncClient() followed at once by client.close(), with no call() in between"
    try:
        problem = kata.call(lambda: _within(what, make_and_close, 5.0), what=what).value
    finally:
        left = [t for t in set(threading.enumerate()) - before if t.name != "grader-call"]
        for thread in left:
            thread.join(2.0)
        for client in kept:
            for value in kit.attributes(client).values():
                if isinstance(value, asyncio.AbstractEventLoop) and not value.is_running():
                    value.close()
    kit.expect(
        not problem,
        f"{what}: close() {problem}. Creating a client starts its loop in a background thread "
        "(in the constructor, not at the first call()), so close() works on a client that "
        "was never called.",
    )
    kit.expect(
        not [t for t in left if t.is_alive()],
        f"{what}: a thread the client started was still running after close() returned: "
        "stop the loop (`loop.call_soon_threadsafe(loop.stop)`) and join the thread.",
    )


def test_a_call_cut_short_by_close_does_not_return(session: Session) -> None:
    """close() while a call() waits for a coroutine: the coroutine is cancelled, and call()
    raises (CancelledError) instead of returning a result it never had."""
    started = threading.Event()

    async def forever() -> str:
        started.set()
        await asyncio.sleep(3600)
        return "never"

    outcome: dict[str, Any] = {}
    thread = _in_thread(lambda: session.client.call(forever), outcome)
    kit.expect(started.wait(5.0), "client.call(...) did not start the coroutine within 5 s.")
    session.do("client.close()", session.client.close)
    thread.join(5.0)
    what = "client.call(a coroutine that sleeps an hour), then client.close() from another thread"
    kit.expect(
        not thread.is_alive(),
        f"{what}: call() had not returned 5 s after close() had cancelled the coroutine.",
    )
    kit.expect(
        "value" not in outcome,
        f"{what}: call() returned {outcome.get('value')!r}, though close() cancelled the "
        "coroutine before it could return anything: call() returns the coroutine's result or "
        "raises its exception; a cancelled coroutine has no result, so let the CancelledError "
        "reach the caller (`future.result()` raises it; do not catch it).",
    )


def test_two_clients_at_once(kata: kit.Kata) -> None:
    """Two clients at once: each runs its own loop; closing the first cancels the task a
    call on it started, and the second still answers."""
    first = Session(kata)
    second = Session(kata)
    try:
        cancelled = threading.Event()
        kept: list[asyncio.Task[None]] = []

        async def sleeper() -> None:
            try:
                await asyncio.sleep(3600)
            finally:
                cancelled.set()

        async def start() -> None:
            kept.append(asyncio.create_task(sleeper()))

        first.call(start)
        second.call(add, 1, 2)
        what = "two SyncClient() at once"
        kit.expect(
            first.loops[-1] is not second.loops[-1],
            f"{what} ran their coroutines on one and the same event loop: creating a client "
            "starts an event loop of its own, in a thread of its own, so that its close() ends "
            "its own tasks and its own loop (not one loop kept for every client, in a class "
            "attribute or at module level).",
        )
        first.do("client.close() of the first client", first.client.close)
        kit.expect(
            cancelled.wait(5.0),
            f"{what}: 5 s after the first client's close(), the task a call() on it had "
            "started was still running: close() cancels the tasks still running on its loop.",
        )
        kit.expect_equal(
            second.call(add, 2, 3),
            5,
            f"the second client's call after the first's close() in {what}",
        )
    finally:
        second.cleanup()
        first.cleanup()
