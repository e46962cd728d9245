"""Grader for 09_subprocesses/tail: lines as they are printed; stopping early kills the child.

Children are this Python, printing `pid <n>` first so the grader can watch the process. Real
clock. It checks: every line, in order, without newlines, and the child reaped at the end; a
line comes out while the command still runs (the command waits for the grader to have seen
its first line before it prints the second); closing the generator after an early `break`
leaves no child running, and neither does a plain `break` once the generator is collected.
"""

import asyncio
import contextlib
import os
import signal
from pathlib import Path

import kit
from kit import streams, subprocesses

PRINT = "import os; print('pid', os.getpid(), flush=True)\n"
TICKS = PRINT + "import time\nfor i in range(200):\n    print('tick', i); time.sleep(0.05)\n"
SLOW = (
    "tail() yielded {got!r} in 3 s of a command printing a line every 0.05 s: lines must "
    "come out as they are printed. Read proc.stdout line by line (`async for line in "
    "proc.stdout`); communicate() or read() return only at the end."
)
STILL_RUNNING = (
    "the command was still running after the consumer broke out of `async for` and the "
    "generator was closed{how}: wrap the reading in try/finally and, in finally, kill the child "
    "if it still runs (proc.kill()), then `await proc.wait()`."
)
ZOMBIE = (
    "the command was killed but never waited for (a zombie process): `await proc.wait()` "
    "after proc.kill()."
)


def pid_of(line: object) -> int | None:
    """The pid from the child's first line 'pid <n>', or None."""
    parts = str(line).split()
    return int(parts[1]) if len(parts) == 2 and parts[0] == "pid" and parts[1].isdigit() else None


def stop(pid: int | None) -> None:
    """Kill a child the learner's code left running (the grader cleans up after a mistake)."""
    if pid is not None and subprocesses.process_state(pid) == "running":
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def test_is_an_async_generator(kata: kit.Kata) -> None:
    """tail is an async generator (async def with yield)."""
    kata.get("tail", "asyncgen")


def test_every_line_in_order(kata: kit.Kata) -> None:
    """All lines, in order, as str without newlines; the child is reaped at the end."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(PRINT + "print('one'); print('two words'); print(); print('last')")

    async def scenario() -> str:
        lines = [line async for line in tail(cmd)]
        pid = pid_of(lines[0]) if lines else None
        state = subprocesses.process_state(pid) if pid else "gone"
        want = ["one", "two words", "", "last"]
        if lines[1:] != want or pid is None:
            return (
                f"tail() of a command printing 'pid <n>', 'one', 'two words', '', 'last' "
                f"yielded {lines!r}: expected each line as a str, in order, without its "
                "trailing newline (decode the bytes, remove the '\\n')."
            )
        if state != "gone":
            stop(pid)
            return (
                "tail() ended but the command was not waited for (it was still "
                f"{'running' if state == 'running' else 'a zombie'}): after the last line, "
                "`await proc.wait()`."
            )
        return ""

    kit.judge(kata, scenario, what="tail(cmd)", limit=10.0)


def test_lines_come_as_they_are_printed(kata: kit.Kata, tmp_path: Path) -> None:
    """The first line comes out while the command still runs, before it prints the next."""
    tail = kata.get("tail", "asyncgen")
    go = tmp_path / "go"
    cmd = subprocesses.python(
        PRINT + "import os, sys, time\nprint('first', flush=True)\n"
        "for _ in range(1000):\n"
        "    if os.path.exists(sys.argv[1]): break\n"
        "    time.sleep(0.01)\n"
        "print('second')\n",
        str(go),
    )

    async def scenario() -> str:
        got: list[str] = []
        lines = tail(cmd)
        try:
            async with asyncio.timeout(4.0):
                async for line in lines:
                    got.append(line)
                    if line == "first":
                        go.touch()  # only now will the command print its second line
        except TimeoutError:
            go.touch()
            return (
                f"tail() yielded {got!r} in 4 s while the command had printed 'pid <n>' and "
                "'first' and was waiting, still running, for them to be seen: lines must come "
                "out as they are printed. Read proc.stdout line by line (`async for line in "
                "proc.stdout`); communicate() or read() return only at the end."
            )
        finally:
            go.touch()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(lines.aclose(), 3.0)
            stop(pid_of(got[0]) if got else None)
        if got[1:] != ["first", "second"]:
            return f"tail() yielded {got!r}; expected 'pid <n>', 'first', 'second'."
        return ""

    kit.judge(kata, scenario, what="tail(cmd)", limit=15.0)


def test_closing_after_break_kills_the_child(kata: kit.Kata) -> None:
    """Breaking out and closing the generator (aclosing) leaves no child running."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(TICKS)

    async def scenario() -> str:
        got: list[str] = []
        try:
            async with asyncio.timeout(3.0), contextlib.aclosing(tail(cmd)) as lines:
                async for line in lines:
                    got.append(line)
                    if len(got) == 3:
                        break
        except TimeoutError:
            stop(pid_of(got[0]) if got else None)
            return SLOW.format(got=got)
        pid = pid_of(got[0]) if got else None
        if pid is None:
            return f"tail() of a ticking command yielded {got!r}; expected 'pid <n>' first."
        state = subprocesses.process_state(pid)  # at once: aclose() has returned
        stop(pid)
        return {"running": STILL_RUNNING.format(how=""), "zombie": ZOMBIE}.get(state, "")

    kit.judge(kata, scenario, what="tail(cmd) closed early", limit=10.0)


def test_plain_break_kills_the_child(kata: kit.Kata) -> None:
    """After a plain `break`, the collected generator's cleanup stops the child within 3 s."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(TICKS)

    async def scenario() -> str:
        got: list[str] = []
        try:
            async with asyncio.timeout(3.0):
                async for line in tail(cmd):
                    got.append(line)
                    if len(got) == 3:
                        break
        except TimeoutError:
            stop(pid_of(got[0]) if got else None)
            return SLOW.format(got=got)
        pid = pid_of(got[0]) if got else None
        if pid is None:
            return f"tail() of a ticking command yielded {got!r}; expected 'pid <n>' first."
        # asyncio closes an abandoned async generator in a task of its own: give it time.
        await kit.until(lambda: subprocesses.process_state(pid) == "gone", timeout=3.0)()
        state = subprocesses.process_state(pid)
        stop(pid)
        await streams.settle(1.0)
        how = " (asyncio closes an abandoned generator itself; 3 s passed)"
        return {"running": STILL_RUNNING.format(how=how), "zombie": ZOMBIE}.get(state, "")

    kit.judge(kata, scenario, what="tail(cmd) after break", limit=10.0)
