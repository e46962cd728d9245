"""Unit tests of the grading kit: each misbehaviour of learner code becomes the right sentence."""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import kit
import pytest
from hypothesis import strategies as st
from kit import Probe, expect_loop_time
from kit._internal.paths import REPO
from kit.examples import NOT_REPEATED, SHRINK_CALLS
from kit.kata import Kata, load
from kit.outcomes import NotStarted

Failed = pytest.fail.Exception


@pytest.fixture
def make_kata(tmp_path: Path) -> Iterator[Callable[[str], Kata]]:
    """Write a learner module into a fresh target and load it as kata 99_test/sample.

    The test process's objects are collected and frozen first, as a grader process does
    before each check (graders/conftest.py): the kit's gc.collect() around learner code, and
    the learner's own, then walk what the test made, not all of this xdist worker (on a slow
    machine busy with the suite, one such step took 0.59 s and was called blocking)."""

    def make(source: str) -> Kata:
        path = tmp_path / "99_test" / "sample.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return load("99_test/sample", tmp_path, {"work": "async def work() -> int"})

    gc.collect()
    gc.freeze()
    try:
        yield make
    finally:
        gc.unfreeze()


# --- loading ---------------------------------------------------------------------------------


def test_missing_file_names_the_path_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(Failed, match=r"99_test/nothing\.py is missing.*nox -s reset -- nothing"):
        load("99_test/nothing", tmp_path)


def test_syntax_error_gives_file_and_line(make_kata: Callable[[str], Kata]) -> None:
    with pytest.raises(Failed, match=r"sample\.py:3: .*\(SyntaxError\)"):
        make_kata("import asyncio\n\nasync def work(:\n    pass\n")


def test_import_time_error_is_one_sentence(make_kata: Callable[[str], Kata]) -> None:
    with pytest.raises(Failed, match=r"importing .*sample\.py:2 raised ZeroDivisionError"):
        make_kata("x = 1\ny = 1 / 0\n")


def test_missing_function_names_the_expected_signature(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("async def wrok() -> int:\n    return 1\n")
    with pytest.raises(
        Failed, match=r"defines no `work` \(found `wrok`.*`async def work\(\) -> int`"
    ):
        kata.get("work", "coroutine")


def test_plain_def_where_a_coroutine_is_expected(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("def work() -> int:\n    return 1\n")
    with pytest.raises(Failed, match=r"`work` in .* is a plain `def` function; the kata expects"):
        kata.get("work", "coroutine")


# --- running ---------------------------------------------------------------------------------


def test_virtual_time_is_exact_and_instant(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def work():
            await asyncio.gather(asyncio.sleep(10), asyncio.sleep(5))
            return 42
        """
    )
    result = kata.run(lambda: kata.get("work", "coroutine")())
    assert (result.value, result.loop_time) == (42, 10.0)
    assert result.wall_time < 1.0
    expect_loop_time(result, 10.0, "work()")
    with pytest.raises(Failed, match=r"work\(\) took 10 s of loop time; expected 5 s\. one by one"):
        expect_loop_time(result, 5.0, "work()", slower="one by one")


def test_stub_is_not_started(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("async def work():\n    raise NotImplementedError('later')\n")
    with pytest.raises(NotStarted, match=r"not implemented yet: .*sample\.py:2"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_a_hang_fails_fast_in_real_time(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def work():
            await asyncio.get_running_loop().create_future()
        """
    )
    with pytest.raises(Failed, match=r"never finished: still waiting after 3600 s of loop time"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_a_blocking_call_is_caught_as_a_blocked_loop(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import threading
        async def work():
            threading.Event().wait(0.5)
        """
    )
    with pytest.raises(Failed, match=r"blocked the event loop for 0\.\d\d s of real time"):
        kata.run(lambda: kata.get("work", "coroutine")())


@pytest.mark.parametrize(
    "source",
    [
        "import time\nasync def work():\n    time.sleep(0.05)\n    return 1\n",
        "from time import sleep\nasync def work():\n    sleep(0.05)\n    return 1\n",
        "import time as t\nasync def work():\n    t.sleep(0.05)\n    t.sleep(0.01)\n    return 1\n",
    ],
    ids=["time.sleep", "from time import sleep", "two calls"],
)
def test_a_short_time_sleep_in_a_coroutine_is_named(
    make_kata: Callable[[str], Kata], source: str
) -> None:
    """A time.sleep far below BLOCK_LIMIT still freezes the loop: on virtual time each call
    through the kata's time module (or a sleep imported from it) is named, on any Python."""
    kata = make_kata(source)
    with pytest.raises(
        Failed,
        match=r"blocked the event loop: it called time\.sleep\(0\.05\)( and 1 more .*)? inside",
    ):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_time_sleep_in_a_thread_or_of_nothing_does_not_block(
    make_kata: Callable[[str], Kata],
) -> None:
    """time.sleep in a worker thread is how to block without blocking the loop; sleep(0)
    gives nothing up: neither is named."""
    kata = make_kata(
        "import asyncio, time\nasync def work():\n    time.sleep(0)\n"
        "    await asyncio.to_thread(time.sleep, 0.05)\n    return 1\n"
    )
    assert kata.run(lambda: kata.get("work", "coroutine")()).value == 1


@pytest.fixture
def busy_cpu() -> Iterator[None]:
    """This thread shares one CPU with seven processes that spin (a machine busy grading a
    class): every loop step waits for that CPU about seven eighths of the time."""
    if not hasattr(os, "sched_setaffinity") or not Path("/proc/thread-self/schedstat").exists():
        pytest.skip("needs Linux's CPU affinity and schedstat")
    before = os.sched_getaffinity(0)
    cpu = min(before)
    hog = f"import os; os.sched_setaffinity(0, {{{cpu}}})\nwhile True: pass"
    hogs = [subprocess.Popen([sys.executable, "-c", hog]) for _ in range(7)]
    os.sched_setaffinity(0, {cpu})
    try:
        time.sleep(0.2)  # the spinners are up
        yield
    finally:
        os.sched_setaffinity(0, before)
        for proc in hogs:
            proc.kill()
            proc.wait()


SHORT_WORK = """
import time
async def work():
    end = time.thread_time() + 0.05  # 0.05 s of this thread's own CPU time, in one step
    while time.thread_time() < end:
        pass
    return 1
"""


def test_a_step_that_waited_for_a_busy_cpu_is_not_called_blocked(
    make_kata: Callable[[str], Kata], busy_cpu: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0.05 s of work takes about 0.4 s of real time on a CPU shared eight ways: the step is
    timed without the wait for the CPU, so it is not "blocked" (0.3 s). The stuck-step
    watchdog counts real time (so that a spin on a crowded CPU is stopped soon) and is not
    what this test is about: on a suite busy with other tests the step once took over its
    1 s, so here it has 10 s."""
    monkeypatch.setattr("kit.running.STUCK_LIMIT", 10.0)
    kata = make_kata(SHORT_WORK)
    run = kata.run(lambda: kata.get("work", "coroutine")())
    assert run.wall_time > 0.3, "the CPU was not busy: this test proves nothing"
    assert run.longest_step < 0.3


def test_a_blocking_call_on_a_busy_cpu_is_still_blocked(
    make_kata: Callable[[str], Kata], busy_cpu: None
) -> None:
    """Sleeping is not waiting for a CPU: time.sleep(0.4) blocks the loop, busy or not."""
    kata = make_kata("import time\nasync def work():\n    time.sleep(0.4)\n")
    with pytest.raises(Failed, match=r"blocked the event loop"):
        kata.run(lambda: kata.get("work", "coroutine")())


@pytest.mark.parametrize(("limit", "busy"), [(0.3, False), (0.5, True)], ids=["idle", "busy-cpu"])
def test_a_step_that_never_ends_is_stopped(
    make_kata: Callable[[str], Kata],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    limit: float,
    busy: bool,
) -> None:
    """The watchdog stops a spin once it has run past the limit in real time. Sharing a
    CPU eight ways (busy_cpu) the spin is stopped before it had half the limit's worth of
    CPU time (its eighth of the CPU): counting only the spin's own time would leave it
    running eight times as long (a 3 s KATAS_TEST_TIMEOUT ran out once it did). Judged by
    the spin's own CPU time, not by a bound on real time: on a machine busy with other
    tests, the watchdog's wake-up and the signal can wait seconds for the CPU."""
    if busy:
        request.getfixturevalue("busy_cpu")
    monkeypatch.setattr("kit.running.STUCK_LIMIT", limit)
    kata = make_kata("async def work():\n    while True:\n        pass\n")
    start, cpu = time.perf_counter(), time.thread_time()
    stopped = rf"one step ran for more than {re.escape(f'{limit:g}')} s of real time and was"
    with pytest.raises(Failed, match=stopped):
        kata.run(lambda: kata.get("work", "coroutine")())
    took, spun = time.perf_counter() - start, time.thread_time() - cpu
    assert took < 20, f"{took:.1f} s"  # nowhere near the test's timeout
    if busy:
        assert spun < limit / 2, f"the spin had {spun:.2f} s of CPU time in {took:.2f} s"


def test_on_the_real_clock_a_long_step_is_timed_without_its_wait_for_a_cpu(
    make_kata: Callable[[str], Kata], busy_cpu: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real-clock runs (threads, subprocesses, sockets) leave a step's wait for a CPU out of
    the stuck-step limit: a blocking call the grader names (hashing a big file on the loop)
    took over 5 s of real time on a busy machine and was called stuck. 0.1 s of work on a
    CPU shared eight ways takes about 0.8 s: not stuck at 0.5 s. A spin still is."""
    monkeypatch.setattr("kit.running.STUCK_LIMIT_REAL", 0.5)
    kata = make_kata(SHORT_WORK.replace("0.05", "0.1"))
    run = kata.run(lambda: kata.get("work", "coroutine")(), clock="real")
    assert run.wall_time > 0.5, "the CPU was not busy: this test proves nothing"
    spin = make_kata("async def work():\n    while True:\n        pass\n")
    with pytest.raises(Failed, match=r"one step ran for more than 0\.5 s of real time"):
        spin.run(lambda: spin.get("work", "coroutine")(), clock="real")


def test_a_stuck_cleanup_of_a_cancelled_task_is_stopped(
    make_kata: Callable[[str], Kata], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kit.running.STUCK_LIMIT", 0.3)
    kata = make_kata(
        """
        import asyncio
        async def work():
            async def child():
                try:
                    await asyncio.sleep(100)
                finally:
                    while True:
                        pass
            asyncio.create_task(child())
            await asyncio.sleep(0)
        """
    )
    with pytest.raises(Failed, match=r"one step ran for more than 0\.3 s"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_waiting_on_real_io_is_not_a_stuck_step(
    make_kata: Callable[[str], Kata], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Time in select() is waiting, not the code's own: a virtual-time loop waiting 0.6 s
    for a thread is neither stopped nor called blocked."""
    monkeypatch.setattr("kit.running.STUCK_LIMIT", 0.3)
    kata = make_kata(
        """
        import asyncio, time
        async def work():
            return await asyncio.get_running_loop().run_in_executor(None, time.sleep, 0.6)
        """
    )
    assert kata.run(lambda: kata.get("work", "coroutine")()).wall_time >= 0.6


def test_the_graders_verdict_wins_over_a_side_effect(make_kata: Callable[[str], Kata]) -> None:
    """A leaked socket warns, but the grader's own sentence is the one the learner sees."""
    kata = make_kata(
        """
        import socket
        async def work():
            socket.socket()  # dropped unclosed: a ResourceWarning
            return "wrong"
        """
    )
    work = kata.get("work", "coroutine")
    with pytest.raises(Failed, match="left a resource open"):
        kata.run(lambda: work())

    def verdict(result: Any) -> None:
        if result.value == "wrong":
            kit.fail("the value was wrong")

    with pytest.raises(Failed, match="the value was wrong"):
        kata.run(lambda: work(), verdict=verdict)


def test_leftover_tasks_are_named(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def forever():
            await asyncio.sleep(100)
        async def work():
            global task
            task = asyncio.create_task(forever())
        """
    )
    with pytest.raises(Failed, match=r"returned while 1 task\(s\) were still running \(forever\)"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_a_leftover_task_of_the_graders_is_named_by_its_call(
    make_kata: Callable[[str], Kata],
) -> None:
    """A task running a Probe is named by the call it stands for, never Probe.__call__."""
    kata = make_kata(
        """
        import asyncio
        async def work(save, other):
            global tasks
            tasks = [asyncio.create_task(save(1)), asyncio.create_task(other(2))]
        """
    )
    save, other = Probe(delay=100.0, name="save"), Probe(delay=100.0)
    with pytest.raises(Failed) as failed:
        kata.run(lambda: kata.get("work", "coroutine")(save, other))
    assert "still running (a save() call, one of the calls it was given)" in str(failed.value)
    assert "Probe" not in str(failed.value)


def test_polling_stopped_by_the_kit_is_said_in_the_graders_words(
    make_kata: Callable[[str], Kata], monkeypatch: pytest.MonkeyPatch
) -> None:
    kata = make_kata(
        """
        import asyncio
        async def wait():
            while True:
                await asyncio.sleep(0.01)
        """
    )
    kit.watch_sleeps(kata, monkeypatch, message="it slept {n} times: that is polling", limit=5)
    with pytest.raises(Failed) as failed:
        kata.run(lambda: kata.get("wait", "coroutine")(), what="wait()")
    assert str(failed.value).startswith("wait(): it slept 6 times: that is polling (at ")
    assert "PollingDetected" not in str(failed.value)


def test_an_async_generator_left_unfinished_is_named(make_kata: Callable[[str], Kata]) -> None:
    """A loop that breaks out of an async generator (never closed) leaves asyncio's own task
    closing it: the sentence says so, rather than only "every task you start"."""
    kata = make_kata(
        """
        import asyncio, gc
        async def numbers():
            try:
                for i in range(10):
                    yield i
            finally:
                await asyncio.sleep(1)
        async def work():
            async for i in numbers():
                if i == 2:
                    break
            gc.collect()
            await asyncio.sleep(0)
        """
    )
    with pytest.raises(Failed, match=r"1 of them: asyncio closing an async generator"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_a_task_collected_while_pending_is_named(make_kata: Callable[[str], Kata]) -> None:
    """A worker blocked on a queue nobody else holds is unreachable once the call returns: the
    look for tasks still running cannot see it, asyncio's "destroyed but pending" can."""
    kata = make_kata(
        """
        import asyncio, gc
        async def worker(queue):
            await queue.get()
        async def work():
            asyncio.create_task(worker(asyncio.Queue()))
            await asyncio.sleep(0)
            gc.collect()
        """
    )
    with pytest.raises(Failed, match=r"left 1 task\(s\) still running \(worker\), and they were"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_a_never_awaited_coroutine_is_named(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def work():
            asyncio.sleep(1)
        """
    )
    with pytest.raises(Failed, match=r"created the coroutine sleep\(\) but never awaited it"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_asyncio_run_inside_a_coroutine_is_explained(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def other():
            return 1
        async def work():
            return asyncio.run(other())
        """
    )
    with pytest.raises(Failed, match=r"inside `async def`, just `await` the coroutine") as info:
        kata.run(lambda: kata.get("work", "coroutine")())
    del info  # its traceback holds other(), which asyncio.run refused: let it go quietly
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        gc.collect()


def test_unexpected_errors_point_at_the_learner_line(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("async def work():\n    return {}['missing']\n")
    with pytest.raises(Failed, match=r"raised KeyError: 'missing' \(at .*sample\.py:2\)"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_expected_errors_are_returned(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("async def work():\n    raise TimeoutError('late')\n")
    result = kata.run(lambda: kata.get("work", "coroutine")(), raises=TimeoutError)
    assert isinstance(result.error, TimeoutError)


def test_unretrieved_task_exceptions_fail(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def boom():
            raise ValueError('lost')
        async def work():
            asyncio.create_task(boom())
            await asyncio.sleep(1)
        """
    )
    with pytest.raises(Failed, match=r"went unhandled .*ValueError: lost"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_an_unclosed_session_fails(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import aiohttp
        async def work():
            session = aiohttp.ClientSession()
        """
    )
    with pytest.raises(Failed, match=r"left an aiohttp ClientSession open"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_plain_call_translates_errors(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("def work():\n    raise NotImplementedError\n")
    with pytest.raises(NotStarted):
        kata.call(lambda: kata.get("work", "function")())


# --- probes ----------------------------------------------------------------------------------


def test_probe_counts_peak_and_records_times(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata("async def work():\n    pass\n")
    probe = Probe(delay={1: 1.0, 2: 3.0, 3: 2.0})

    async def fan_out() -> list[object]:
        first = await probe(1)
        return [first, *await asyncio.gather(probe(2), probe(3))]

    result = kata.run(fan_out)
    assert result.value == [("result", 1), ("result", 2), ("result", 3)]
    assert result.loop_time == 4.0 and probe.peak == 2
    assert [(c.started, c.ended) for c in probe.calls] == [(0.0, 1.0), (1.0, 4.0), (1.0, 3.0)]


def test_a_loop_that_spins_without_time_passing_is_named(make_kata: Callable[[str], Kata]) -> None:
    kata = make_kata(
        """
        import asyncio
        async def work():
            while True:
                await asyncio.sleep(0)
        """
    )
    with pytest.raises(Failed, match=r"kept the event loop busy .* clock never moved"):
        kata.run(lambda: kata.get("work", "coroutine")())


def test_an_exception_group_is_shown_by_its_leaves(make_kata: Callable[[str], Kata]) -> None:
    """A bug inside a TaskGroup reads as its leaf errors, each with the learner's file:line."""
    kata = make_kata(
        """
        import asyncio
        async def boom(n):
            await asyncio.sleep(n)
            raise ValueError(f"bad {n}")
        async def work():
            async with asyncio.TaskGroup() as tg:
                tg.create_task(boom(1))
                tg.create_task(boom(1))
                tg.create_task(asyncio.sleep(0, result=KeyError("not raised")))
        """
    )
    with pytest.raises(Failed) as failed:
        kata.run(lambda: kata.get("work", "coroutine")(), what="work()")
    message = str(failed.value)
    assert "work() raised ExceptionGroup with 2 error(s) inside" in message, message
    assert "ValueError: bad 1 (at " in message and "sample.py:5)" in message, message
    assert "kit/" not in message and "Probe" not in message


def test_verbose_prints_the_whole_traceback(
    make_kata: Callable[[str], Kata],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KATAS_VERBOSE", "1")
    kata = make_kata(
        """
        import asyncio
        async def work():
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.sleep(-1, result=1 / 0))
        """
    )
    with pytest.raises(Failed, match="ZeroDivisionError"):
        kata.run(lambda: kata.get("work", "coroutine")())
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "ZeroDivisionError" in err


def test_a_leftover_task_that_ignores_cancel_does_not_hang(
    make_kata: Callable[[str], Kata],
) -> None:
    kata = make_kata(
        """
        import asyncio
        async def stubborn():
            while True:
                try:
                    await asyncio.sleep(1)
                except asyncio.CancelledError:
                    pass
        async def work():
            asyncio.get_running_loop().stubborn = asyncio.create_task(stubborn())
            await asyncio.sleep(0)
        """
    )
    start = time.perf_counter()
    with pytest.raises(Failed, match=r"1 of them ignored cancel\(\) and kept running"):
        kata.run(lambda: kata.get("work", "coroutine")())
    assert time.perf_counter() - start < 30  # not forever (a busy machine is slow)


def test_a_flood_of_never_awaited_coroutines_keeps_few_warnings(
    make_kata: Callable[[str], Kata], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty thousand never-awaited coroutines in one step: the kit keeps a hundred of their
    warnings (WARNINGS_KEPT), not every one alive, and names the first. The step is long by
    design; on virtual time the stuck-step watchdog counts real time, and on a slow machine
    busy with the suite's other files the step once ran past its 1 s: here it has 10 s."""
    monkeypatch.setattr("kit.running.STUCK_LIMIT", 10.0)
    kata = make_kata(
        """
        import asyncio
        async def use():
            pass
        async def work():
            for _ in range(20_000):
                use()
        """
    )
    with pytest.raises(Failed, match=r"created the coroutine use\(\) but never awaited it"):
        kata.run(lambda: kata.get("work", "coroutine")(), block_limit=None)


# --- the learner's clocks on virtual time ------------------------------------------------------


def test_the_learners_clocks_read_loop_time_on_a_virtual_run(
    make_kata: Callable[[str], Kata],
) -> None:
    """time.monotonic(), perf_counter() and time() in the kata's module (imported either way)
    measure loop time during a virtual run, and are themselves again after it; time.sleep
    is untouched."""
    import time

    kata = make_kata(
        """
        import asyncio
        import time
        from time import monotonic, perf_counter
        from time import time as now

        async def work() -> tuple:
            a, b, c = time.monotonic(), perf_counter(), now()
            await asyncio.sleep(5)
            return time.monotonic() - a, perf_counter() - b, now() - c, monotonic() - a
        """
    )
    result = kata.run(kata.get("work", "coroutine"))
    assert result.value is not None
    assert [round(x, 6) for x in result.value] == [5.0, 5.0, 5.0, 5.0]
    module = kata.module
    assert module.time is time and module.monotonic is time.monotonic
    assert module.perf_counter is time.perf_counter and module.now is time.time


def test_clocks_in_nanoseconds_classes_and_defaults_read_loop_time_too(
    make_kata: Callable[[str], Kata],
) -> None:
    """time.monotonic_ns() and the other _ns clocks, a clock kept as a class attribute, a
    dataclass field's default or default_factory, and one given as a default argument all
    measure loop time during a virtual run (none is bound as a method), and are themselves
    again after it. So does a clock that the kata's code imports inside a function."""
    import builtins
    import time

    real_import = builtins.__import__
    kata = make_kata(
        """
        import asyncio
        import time
        from dataclasses import dataclass, field
        from time import perf_counter_ns

        @dataclass
        class Timer:
            clock: object = time.monotonic
            start: float = 0.0
            made: float = field(default_factory=time.perf_counter)

        class Watch:
            now = time.perf_counter

        def since(start, clock=time.monotonic, *, ns=time.time_ns):
            return clock() - start, ns()

        def local_clock():
            from time import monotonic as now

            return now()

        async def work() -> tuple:
            timer, watch = Timer(), Watch()
            timer.start = timer.clock()
            a, b, c, (d, e) = time.monotonic_ns(), perf_counter_ns(), watch.now(), since(0.0)
            f = local_clock()
            await asyncio.sleep(5)
            return (
                (time.monotonic_ns() - a) / 1e9,
                (perf_counter_ns() - b) / 1e9,
                timer.clock() - timer.start,
                watch.now() - c,
                since(d)[0],
                (since(0.0)[1] - e) / 1e9,
                Timer().made - timer.made,
                local_clock() - f,
            )
        """
    )
    result = kata.run(kata.get("work", "coroutine"))
    assert result.value is not None
    assert [round(x, 6) for x in result.value] == [5.0] * 8
    module = kata.module
    assert module.Timer.clock is time.monotonic and module.Watch.now is time.perf_counter
    assert module.Timer.__init__.__defaults__[:2] == (time.monotonic, 0.0)
    cells = [cell.cell_contents for cell in module.Timer.__init__.__closure__ or ()]
    assert time.perf_counter in cells
    assert module.since.__defaults__ == (time.monotonic,)
    assert module.since.__kwdefaults__ == {"ns": time.time_ns}
    assert module.perf_counter_ns is time.perf_counter_ns
    assert builtins.__import__ is real_import and module.local_clock() != 0.0


def test_an_error_raised_out_of_except_star_is_searched_once() -> None:
    """A member raised out of ``except*`` has its own group as context: a cycle through the
    group, which once sent the search for NotImplementedError into a RecursionError."""
    from kit import running

    try:
        try:
            raise ExceptionGroup("batch", [ValueError("bad item")])
        except* ValueError as group:
            raise group.exceptions[0]  # noqa: B904 - the learner's code, as written
    except ValueError as exc:
        assert running._find_not_implemented(exc) is False


# --- checks over many inputs ------------------------------------------------------------------


def test_drawn_shrinks_a_failure_for_a_bounded_number_of_calls() -> None:
    """Every input fails: the check runs once to fail and SHRINK_CALLS more times, not the
    hundred or so a full shrink takes, and fails with the sentence of the smallest input
    tried; a second run tries the same inputs and says the same."""
    calls: list[list[int]] = []

    @kit.drawn(st.lists(st.integers(0, 10**6), min_size=5), max_examples=50)
    def check(items: list[int]) -> None:
        calls.append(items)
        kit.fail(f"failed on {items}")

    with pytest.raises(Failed) as first:
        check()
    assert len(calls) == 1 + SHRINK_CALLS
    smallest = min(reversed(calls), key=lambda items: len(repr(items)))
    assert str(first.value) == f"failed on {smallest}"
    tried = list(calls)
    calls.clear()
    with pytest.raises(Failed) as again:
        check()
    assert calls == tried
    assert str(again.value) == str(first.value)


def test_an_error_of_the_check_is_shrunk_as_briefly_and_raised_as_it_is() -> None:
    """A check that raises something other than a kit failure (a grader's own bug) is
    bounded the same way, and the smallest input's error propagates unchanged."""
    calls: list[list[int]] = []

    @kit.drawn(st.lists(st.integers(0, 10**6), min_size=5), max_examples=50)
    def check(items: list[int]) -> None:
        calls.append(items)
        raise ValueError(f"bad {items}")

    with pytest.raises(ValueError) as error:
        check()
    assert len(calls) == 1 + SHRINK_CALLS
    smallest = min(reversed(calls), key=lambda items: len(repr(items)))
    assert str(error.value) == f"bad {smallest}"


def test_a_failure_that_does_not_come_back_keeps_its_sentence() -> None:
    """Code that fails an input once and passes it when Hypothesis tries it again (state
    kept from call to call, a race) fails with the sentence of that failure and a word on
    it, not as a grader error naming the kit's wrapper (Hypothesis's FlakyFailure)."""
    calls: list[int] = []

    @kit.drawn(st.integers(0, 100), max_examples=50)
    def check(n: int) -> None:
        calls.append(n)
        if len(calls) == 3:
            kit.fail(f"failed on {n}")

    with pytest.raises(Failed) as failure:
        check()
    assert str(failure.value) == f"failed on {calls[2]}" + NOT_REPEATED


def test_a_timeout_ends_the_search_at_once() -> None:
    """A check stopped by pytest-timeout is not run again to shrink: its sentence stands."""
    calls: list[int] = []

    @kit.drawn(st.integers(0, 100), max_examples=50)
    def check(n: int) -> None:
        calls.append(n)
        if len(calls) == 3:
            pytest.fail("Timeout (>30.0s) from pytest-timeout.")
        if len(calls) > 3:
            kit.fail(f"failed on {n}")

    with pytest.raises(Failed, match=r"^Timeout \(>30\.0s\) from pytest-timeout\.$"):
        check()
    assert len(calls) == 3


def test_drawn_inputs_do_not_depend_on_the_constants_of_the_code_under_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hypothesis draws, now and then, a constant found in the source of "local" modules,
    the learner's among them: a submission could then steer the drawn inputs (away from its
    bug) by the numbers it defines. In a grader, the same check draws the same inputs
    whatever the code under test holds."""

    def draws() -> list[int]:
        seen: list[int] = []

        @kit.drawn(st.lists(st.integers(-(10**6), 10**6)), max_examples=100)
        def check(items: list[int]) -> None:
            seen.extend(items)

        check()
        return seen

    before = draws()
    source = tmp_path / "steering.py"
    source.write_text("".join(f"N{i} = {7_777 + 101 * i}\n" for i in range(200)))
    spec = importlib.util.spec_from_file_location("steering", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(sys.modules, "steering", module)
    after = draws()
    assert not {7_777 + 101 * i for i in range(200)} & set(after)
    assert after == before


OWN_GIVEN_CHECK = """
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from kit.examples import grader_settings


@grader_settings(max_examples=50)
@given(items=st.lists(st.integers(0, 10**6), min_size=5))
def test_every_list_fails(items):
    with open(Path(__file__).parent / "calls.txt", "a") as log:
        log.write(repr(items) + "\\n")
    pytest.fail(f"failed on {items}")
"""


def run_with_graders_conftest(
    tmp_path: Path, source: str, *options: str
) -> subprocess.CompletedProcess[str]:
    """pytest on ``source``, written as tmp_path/99_test/test_sample.py, with the graders'
    conftest loaded and tmp_path as the target."""
    grader = tmp_path / "99_test" / "test_sample.py"
    grader.parent.mkdir()
    grader.write_text(source, encoding="utf-8")
    return subprocess.run(
        [
            *(sys.executable, "-m", "pytest", str(grader), "-p", "conftest"),
            *(f"--target={tmp_path}", "-q", "-p", "no:cacheprovider", *options),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO / "graders")},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_graders_own_given_check_shrinks_for_a_bounded_number_of_calls(tmp_path: Path) -> None:
    """The graders' conftest bounds the shrinking of a grader's own @given check as
    kit.drawn does (fetch_many's took 88 calls, 16 s, past 30 s on a loaded machine)."""
    run = run_with_graders_conftest(tmp_path, OWN_GIVEN_CHECK, "--tb=short")
    calls = (tmp_path / "99_test" / "calls.txt").read_text(encoding="utf-8").splitlines()
    assert run.returncode == 1, run.stdout + run.stderr
    assert len(calls) == 1 + SHRINK_CALLS, run.stdout
    smallest = min(reversed(calls), key=len)
    assert f"\nfailed on {smallest}\n" in run.stdout, run.stdout


def test_left_after_cancel_counts_what_a_cancelled_consumer_left(
    make_kata: Callable[[str], Kata],
) -> None:
    """A consumer whose helper task outlives its cancellation counts 1, and is cleaned up by
    the helper (no leftover sentence from the kit); one that cleans up in finally counts 0."""
    kata = make_kata(
        """
        import asyncio
        async def work(tidy):
            helper = asyncio.create_task(asyncio.sleep(100))
            try:
                await asyncio.sleep(100)
            finally:
                if tidy:
                    helper.cancel()
                    await asyncio.wait([helper])
        """
    )
    work = kata.get("work", "coroutine")
    for tidy, left in ((False, 1), (True, 0)):
        run = kata.run(lambda t=tidy: kit.left_after_cancel(lambda: work(t), at=3.0))
        assert run.value == left
        assert run.loop_time == 3.0


def test_a_graders_child_takes_sigint_as_usual_however_grading_began() -> None:
    """Started from a shell's background job, grading inherits SIGINT ignored; a child made by
    kit.subprocesses.python still gets a KeyboardInterrupt from a SIGINT (a wrong answer that
    stops a child with SIGINT is then named the same way everywhere)."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        # Short sleeps: a SIGINT that lands between print() and the start of one long
        # sleep() only trips Python's flag, and the sleep runs to its end (seen under load).
        child = subprocess.Popen(
            kit.subprocesses.python(
                "import time\nprint('up', flush=True)\nfor _ in range(300):\n    time.sleep(0.1)"
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"up\n"
        child.send_signal(signal.SIGINT)
        # KeyboardInterrupt, not still sleeping: Python then ends by SIGINT itself.
        assert child.wait(timeout=20) == -signal.SIGINT
    finally:
        child.kill()
        child.wait()


SIGINT_CHECK = """
import signal
import subprocess


def test_a_child_stops_on_sigint():
    child = subprocess.Popen(["sleep", "30"])
    child.send_signal(signal.SIGINT)
    assert child.wait(timeout=10) == -signal.SIGINT
"""


def test_a_grader_process_started_with_sigint_ignored_does_not_pass_it_on(tmp_path: Path) -> None:
    """A grader process started from a shell's background job inherits SIGINT ignored; the
    graders' conftest gives it a handler, so the children that code under grading starts
    (here `sleep`, signalled at once, before any start-up code of its own) stop on SIGINT."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        run = run_with_graders_conftest(tmp_path, SIGINT_CHECK)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert run.returncode == 0, run.stdout + run.stderr
