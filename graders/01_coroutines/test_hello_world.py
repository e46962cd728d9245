"""Grader for 01_coroutines/hello_world: a coroutine that prints, awaits a sleep, prints.

Checks that `hello_world` is an `async def`, that it prints exactly `hello` and `world` on
two lines, and that `world` comes one second of loop time after `hello` (the sleep is awaited,
and does not block the loop: the kit's run catches `time.sleep` and never-awaited sleeps).
Printed text is captured with a stand-in for `sys.stdout` that notes the loop time of each write
(also put in place of a name the module bound to `sys.stdout` at import: `from sys import stdout`).

Docstring sentence -> the check that enforces it:

- "Write `hello_world()` as a coroutine function (`async def`)" -> test_is_a_coroutine_function
- "It prints `hello`, ... then prints `world`" -> test_prints_hello_then_world
- "waits one second without blocking the event loop" -> test_world_comes_one_second_later
  (kit.run fails a blocked loop step; a second waited in a thread the coroutine awaits,
  `run_in_executor(None, time.sleep, 1)`, leaves the loop free too: it passes on the real
  clock, since the loop's virtual clock does not see a thread's sleep)
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import sys
import time

import kit

# Real seconds a one-second sleep in a thread may take to reach `world` on a loaded machine.
THREAD_SLEEP_LATE = 0.5


class Transcript(io.TextIOBase):
    """A stand-in for sys.stdout that records each write with the loop time it happened at
    (and, apart, the real time)."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[float | None, str]] = []
        self.real: list[float] = []  # time.monotonic() of each write

    def write(self, text: str) -> int:
        try:
            at: float | None = round(asyncio.get_running_loop().time(), 6)
        except RuntimeError:  # printed outside the event loop
            at = None
        self.writes.append((at, text))
        self.real.append(time.monotonic())
        return len(text)

    def real_gap(self, first: str, then: str) -> float | None:
        """Real seconds from the write that holds ``first`` to the one that holds ``then``."""
        starts = [i for i, (_, text) in enumerate(self.writes) if first in text]
        ends = [i for i, (_, text) in enumerate(self.writes) if then in text]
        if not starts or not ends:
            return None
        return self.real[ends[0]] - self.real[starts[0]]

    @property
    def text(self) -> str:
        """Everything printed."""
        return "".join(text for _, text in self.writes)

    def lines(self) -> list[tuple[float | None, str]]:
        """Each printed line with the loop time its first character was written at."""
        lines: list[tuple[float | None, str]] = []
        current: list[str] = []
        start: float | None = None
        for at, text in self.writes:
            for char in text:
                if not current:
                    start = at
                if char == "\n":
                    lines.append((start, "".join(current)))
                    current = []
                else:
                    current.append(char)
        if current:
            lines.append((start, "".join(current)))
        return lines


def run_hello_world(kata: kit.Kata) -> tuple[kit.Run[None], Transcript]:
    """Run the learner's hello_world() with its printed output captured."""
    hello_world = kata.get("hello_world", "coroutine")
    stdout = Transcript()
    # A name the module bound to sys.stdout at import (`from sys import stdout`) writes to
    # the same place print does: it is captured too.
    bound = [name for name, value in vars(kata.module).items() if value is sys.stdout]
    # Installed here, not in a fixture: pytest's own capture swaps sys.stdout between phases.
    with contextlib.redirect_stdout(stdout):
        for name in bound:
            setattr(kata.module, name, stdout)
        result = kata.run(lambda: hello_world(), what="hello_world()")
    return result, stdout


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """hello_world is an async def."""
    kata.get("hello_world", "coroutine")


def test_prints_hello_then_world(kata: kit.Kata) -> None:
    """It prints `hello` and `world` on two lines, in that order."""
    _, stdout = run_hello_world(kata)
    kit.expect_equal(
        stdout.text,
        "hello\nworld\n",
        "The printed text",
        'Print exactly two lines: `print("hello")`, then (after the sleep) `print("world")`.',
    )


def test_world_comes_one_second_later(kata: kit.Kata) -> None:
    """`hello` is printed at once, `world` after one second of loop time."""
    result, stdout = run_hello_world(kata)
    times = {line: at for at, line in stdout.lines()}
    kit.expect(
        "hello" in times and "world" in times,
        f"hello_world() printed {stdout.text!r}; expected the lines `hello` and `world`.",
    )
    kit.expect(
        times["hello"] == 0.0,
        f"`hello` was printed at loop time {times['hello']} s; expected at once (0 s). "
        "Print `hello` first, then sleep.",
    )
    waited = stdout.real_gap("hello", "world")
    if times["world"] == 0.0 and waited is not None and 0.99 <= waited <= 1 + THREAD_SLEEP_LATE:
        return  # a second slept in a thread it awaited: the loop's clock did not move, but
        # the loop was free all along (kit.run fails a blocked step), and a second passed
    kit.expect(
        times["world"] != 0.0 or waited is None or waited < 0.2,
        f"`world` was printed {waited or 0:.2f} s of real time after `hello`, while the loop's "
        "clock did not move (a sleep in a thread?); expected one second between them.",
    )
    kit.expect(
        times["world"] == 1.0,
        f"`world` was printed at loop time {times['world']} s; expected 1 s, after "
        "`await asyncio.sleep(1)` between the two prints.",
    )
    kit.expect_loop_time(
        result,
        1.0,
        "hello_world()",
        slower="Sleep exactly once, for one second.",
        faster="Did you await `asyncio.sleep(1)`?",
    )
