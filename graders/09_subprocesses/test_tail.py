"""Grader for 09_subprocesses/tail: lines as they are printed; stopping early kills the child.

Children are this Python, printing `pid <n>` first so the grader can watch the process. Real
clock. It checks: every line, in order, without newlines, and the child reaped at the end; a
line comes out while the command still runs (the command waits for the grader to have seen
its first line before it prints the second); closing the generator after an early `break`
leaves no child running, and neither does a plain `break` once the generator is collected.

Docstring sentence -> the check that enforces it:
- yields each line of its stdout as a `str` (decoded from UTF-8) without the trailing
  newline (and nothing else stripped) -> test_every_line_in_order, test_text_is_kept_exactly
  (spaces, tabs, no final newline), test_a_carriage_return_is_kept,
  test_a_character_split_between_writes
- AS SOON AS the line is printed -> test_lines_come_as_they_are_printed
- when the output ends, wait for the child (`await proc.wait()`) -> test_every_line_in_order,
  test_the_command_finishes_after_its_output_ends (not killed once its stdout is closed, nor
  after a grace period: a command working 1.5 s on)
- kill a child that is still running (only that one) -> test_every_line_in_order (and every
  check that reads to the end) names a ProcessLookupError from killing a command that had
  already ended
- starts `cmd` with `stdout=asyncio.subprocess.PIPE`; yields each line of its stdout
  -> test_stderr_lines_are_not_yielded (no stderr=STDOUT),
  test_a_chatty_stderr_does_not_stall (no stderr=PIPE that nobody reads),
  test_stderr_goes_to_the_terminal (no stderr=DEVNULL: stderr leads where the caller's does)
- consumer stops early, generator closed: kill a running child and reap it
  -> test_closing_after_break_kills_the_child (the child ignores SIGTERM and SIGINT: kill,
  not terminate nor a Ctrl-C);
  starts `cmd` with `asyncio.create_subprocess_exec(*cmd, ...)` -> the same check names a
  command started through a shell (its parent is not the grading process), whose kill()
  stops the shell only
- (the same when asyncio closes an abandoned generator) -> test_plain_break_kills_the_child
- a consumer cancelled while it waits for the next line stops early too
  -> test_a_cancelled_consumer_leaves_no_child (and the consumer ends cancelled: the
  CancelledError is not swallowed)
- try/finally: in finally kill a child still running (whatever ends the generator)
  -> test_an_error_while_reading_leaves_no_child (a line that is not UTF-8: raising is
  fine, leaving the child running is not)
- yields each line of its stdout (every line, also those read after the command exited)
  -> test_a_slow_consumer_gets_every_line (a consumer pausing between lines: reading only
  while proc.returncode is None loses the lines still in the pipe)
"""

import asyncio
import contextlib
import os
import signal
from pathlib import Path

import kit
import pytest
from kit import streams, subprocesses

PRINT = "import os; print('pid', os.getpid(), flush=True)\n"
# A ticking child that ignores SIGTERM and SIGINT, as many real programs do: only kill()
# stops it.
TICKS = (
    PRINT + "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
    "for i in range(200):\n    print('tick', i); time.sleep(0.05)\n"
)
SLOW = (
    "tail() yielded {got!r} in 3 s of a command printing a line every 0.05 s: lines must "
    "come out as they are printed. Read proc.stdout line by line (`async for line in "
    "proc.stdout`); communicate() or read() return only at the end."
)
STILL_RUNNING = (
    "the command was still running after the consumer broke out of `async for` and the "
    "generator was closed{how}: wrap the reading in try/finally and, in finally, kill the child "
    "if it still runs (proc.kill(): terminate() only asks, and this command ignores SIGTERM), "
    "then `await proc.wait()`."
)
CLOSE_HANGS = (
    "closing tail() after 3 lines did not end within 3 s. This command ignores SIGTERM and "
    "SIGINT: stopped with proc.terminate() (or a Ctrl-C, send_signal(SIGINT)), it never ends, "
    "and `await proc.wait()` then waits for ever; reading the rest of its output "
    "(communicate()) or waiting without a kill waits until it ends by itself. In finally, "
    "stop a running child with proc.kill(), then `await proc.wait()`."
)
KILLED_AN_ENDED = (
    "tail() of a command that printed its lines and exited raised ProcessLookupError: "
    "proc.kill() was called on a command that had already ended. When the output ends, "
    "`await proc.wait()`; in finally, kill only a command still running "
    "(`if proc.returncode is None:`)."
)
ZOMBIE = (
    "the command was killed but never waited for (a zombie process): `await proc.wait()` "
    "after proc.kill()."
)


def pid_of(line: object) -> int | None:
    """The pid from the child's first line 'pid <n>', or None."""
    parts = str(line).split()
    return int(parts[1]) if len(parts) == 2 and parts[0] == "pid" and parts[1].isdigit() else None


def parent_of(pid: int | None) -> str:
    """The name of the process that started ``pid`` when that is not this process (the
    command was started through a shell, say), else ""."""
    if pid is None:
        return ""
    try:
        ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return ""
    if ppid == os.getpid():
        return ""
    try:
        return Path(f"/proc/{ppid}/comm").read_text().strip() or "?"
    except OSError:
        return "?"


THROUGH = (
    "the command was started through another process ({parent!r}: a shell?), not by your code "
    "itself: proc.kill() then stops only that process, while the command runs on and holds "
    "the pipe open, so closing tail() never ends. Start it with "
    "`asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE)`, never through a "
    "shell (not even with shlex.join)."
)


async def stop(pid: int | None) -> None:
    """Kill a child the learner's code left running (the grader cleans up after a mistake),
    and give asyncio a moment to see it exit, so its transport is not reported in a later
    check as an unclosed resource."""
    if pid is not None and subprocesses.process_state(pid) == "running":
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        await kit.until(lambda: subprocesses.process_state(pid) != "running", timeout=2.0)()
        await streams.settle(0.5)


def expect_lines(kata: kit.Kata, code: str, printing: str, want: list[str], fix: str) -> None:
    """Run tail() to the end over a command (this Python running ``code``, which prints
    ``printing``); fail, saying ``fix``, unless it yields ``want``."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(code)

    async def scenario() -> str:
        try:
            lines = [line async for line in tail(cmd)]
        except ProcessLookupError:
            return KILLED_AN_ENDED
        if lines != want and len(lines) < len(want) and lines == want[: len(lines)]:
            # Right so far, then nothing: what went missing is the end, not what ``fix`` names.
            return (
                f"tail() of a command printing {printing} yielded {lines!r}; expected "
                f"{want!r}: it stopped before the output ended ({len(want) - len(lines)} "
                "line(s) never came): the lines a command printed stay in the pipe after it "
                "has exited, so read until readline() returns b'' (whatever proc.returncode "
                "says meanwhile)."
            )
        if lines != want:
            return (
                f"tail() of a command printing {printing} yielded {lines!r}; expected "
                f"{want!r}: {fix}"
            )
        return ""

    kit.judge(kata, scenario, what="tail(cmd)", limit=10.0)


def test_is_an_async_generator(kata: kit.Kata) -> None:
    """tail is an async generator (async def with yield)."""
    kata.get("tail", "asyncgen")


def test_every_line_in_order(kata: kit.Kata) -> None:
    """All lines, in order, as str without newlines; the child is reaped at the end."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(PRINT + "print('one'); print('two words'); print(); print('last')")

    async def scenario() -> str:
        try:
            lines = [line async for line in tail(cmd)]
        except ProcessLookupError:
            return KILLED_AN_ENDED
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
            await stop(pid)
            return (
                "tail() ended but the command was not waited for (it was still "
                f"{'running' if state == 'running' else 'a zombie'}): after the last line, "
                "`await proc.wait()`."
            )
        return ""

    kit.judge(kata, scenario, what="tail(cmd)", limit=10.0)


def test_text_is_kept_exactly(kata: kit.Kata) -> None:
    """Spaces, tabs and non-ASCII survive; only the newline goes, even on a last bare line."""
    want = ["  indented\t", "grüße ☃", " ", "no newline at the end"]
    data = "\n".join(want).encode()  # the last line has no newline
    expect_lines(
        kata,
        f"import sys; sys.stdout.buffer.write({data!r})",
        repr(data),
        want,
        "decode each line as UTF-8 and remove only its trailing '\\n' "
        "(`line.decode().removesuffix('\\n')`); strip() also eats spaces and tabs, "
        "and the last line may have no newline at all.",
    )


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
        except ProcessLookupError:  # the output ended: how soon the child is reaped varies
            return KILLED_AN_ENDED
        finally:
            go.touch()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(lines.aclose(), 3.0)
            await stop(pid_of(got[0]) if got else None)
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
        parent = ""  # the command's parent, when that is not this process
        try:
            async with asyncio.timeout(3.0), contextlib.aclosing(tail(cmd)) as lines:
                async for line in lines:
                    got.append(line)
                    if len(got) == 1:
                        parent = parent_of(pid_of(line))
                    if len(got) == 3:
                        break
        except TimeoutError:
            await stop(pid_of(got[0]) if got else None)
            if parent and len(got) == 3:
                return THROUGH.format(parent=parent)
            return CLOSE_HANGS if len(got) == 3 else SLOW.format(got=got)
        pid = pid_of(got[0]) if got else None
        if pid is None:
            return f"tail() of a ticking command yielded {got!r}; expected 'pid <n>' first."
        state = subprocesses.process_state(pid)  # at once: aclose() has returned
        await stop(pid)
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
            await stop(pid_of(got[0]) if got else None)
            return SLOW.format(got=got)
        pid = pid_of(got[0]) if got else None
        if pid is None:
            return f"tail() of a ticking command yielded {got!r}; expected 'pid <n>' first."
        # asyncio closes an abandoned async generator in a task of its own: give it time.
        await kit.until(lambda: subprocesses.process_state(pid) == "gone", timeout=3.0)()
        state = subprocesses.process_state(pid)
        await stop(pid)
        await streams.settle(1.0)
        how = " (asyncio closes an abandoned generator itself; 3 s passed)"
        return {"running": STILL_RUNNING.format(how=how), "zombie": ZOMBIE}.get(state, "")

    kit.judge(kata, scenario, what="tail(cmd) after break", limit=10.0)


# Checked last, so that an earlier check names a mistake it finds first.
def test_a_carriage_return_is_kept(kata: kit.Kata) -> None:
    """A line ending in "\r\n" keeps its "\r": only the newline goes."""
    expect_lines(
        kata,
        "import sys; sys.stdout.buffer.write(b'a carriage return\\r\\nlast\\n')",
        "b'a carriage return\\r\\nlast\\n'",
        ["a carriage return\r", "last"],
        "remove only the trailing '\\n' (`line.decode().removesuffix('\\n')`); "
        "rstrip('\\r\\n') and splitlines() also eat the carriage return.",
    )


def test_a_character_split_between_writes(kata: kit.Kata) -> None:
    """A line whose 'ü' is written in two halves, 0.2 s apart: decode whole lines, not the
    bytes that happen to have arrived."""
    expect_lines(
        kata,
        "import sys, time\nout = sys.stdout.buffer\n"
        "out.write(b'gr\\xc3'); out.flush(); time.sleep(0.2)\n"
        "out.write(b'\\xbc\\xc3\\x9fe\\nbye\\n'); out.flush()\n",
        "'grüße' (its 'ü' in two writes, 0.2 s apart) and 'bye'",
        ["grüße", "bye"],
        "decode each whole line, not each chunk of bytes as it arrives (a UTF-8 character "
        "may come in two pieces): read with `readline()` or `async for line in "
        "proc.stdout`, then decode.",
    )


# Checked last: earlier wrong answers fail the checks above first.
def test_the_command_finishes_after_its_output_ends(kata: kit.Kata, tmp_path: Path) -> None:
    """A command that closes its stdout, then works 1.5 s more, is waited for, not killed
    (nor stopped after a grace period of its own: the wait has no time limit)."""
    tail = kata.get("tail", "asyncgen")
    done = tmp_path / "done"
    cmd = subprocesses.python(
        PRINT + "import os, signal, sys, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('bye')\nos.close(1)\ntime.sleep(1.5)\n"
        "open(sys.argv[1], 'w').close()\nos._exit(0)\n",
        str(done),
    )

    async def scenario() -> str:
        try:
            lines = [line async for line in tail(cmd)]
        except ProcessLookupError:
            return KILLED_AN_ENDED
        pid = pid_of(lines[0]) if lines else None
        if lines[1:] != ["bye"] or pid is None:
            return f"tail() yielded {lines!r}; expected 'pid <n>', 'bye'."
        if not done.exists():
            await stop(pid)
            return (
                "tail() stopped the command once its output ended: the command had closed its "
                "stdout and needed 1.5 s more to finish its work, and never finished it. When "
                "the output ends, `await proc.wait()` for the command to exit, with no time "
                "limit of your own; in finally, kill only a command still running because the "
                "consumer stopped early (returncode stays None until proc.wait() has returned)."
            )
        return ""

    kit.judge(kata, scenario, what="tail(cmd)", limit=10.0)


def test_stderr_lines_are_not_yielded(kata: kit.Kata) -> None:
    """Lines the command writes to stderr are not stdout's lines: they are not yielded."""
    expect_lines(
        kata,
        "import sys; print('out'); print('an error', file=sys.stderr); print('end')",
        "'out', then 'an error' on stderr, then 'end'",
        ["out", "end"],
        "yield the lines of stdout only: start the command with stdout=PIPE and no stderr= "
        "(stderr=asyncio.subprocess.STDOUT mixes its error messages into stdout).",
    )


def test_a_chatty_stderr_does_not_stall(kata: kit.Kata) -> None:
    """A command writing 1 MB to stderr before its stdout line is not held up."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(
        PRINT + "import sys; sys.stderr.write(('e' * 99 + '\\n') * 10_000); sys.stderr.flush()\n"
        "print('done')\n"
    )

    async def scenario() -> str:
        got: list[str] = []

        async def consume() -> None:
            async for line in tail(cmd):
                got.append(line)

        reading = asyncio.create_task(consume())
        done, _ = await asyncio.wait({reading}, timeout=4.0)
        if not done:
            pid = pid_of(got[0]) if got else None
            piped = False
            if pid is not None:
                with contextlib.suppress(OSError):
                    theirs = os.readlink(f"/proc/{pid}/fd/2")
                    piped = theirs.startswith("pipe:") and theirs != os.readlink("/proc/self/fd/2")
            await stop(pid)
            reading.cancel()
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(reading, 3.0)
            if piped:
                return (
                    "tail() of a command writing 1 MB to stderr, then 'done' to stdout, was "
                    "still waiting after 4 s: the command's stderr went into a pipe that nobody "
                    "read, and it stalled once the pipe was full. Start the command with "
                    "stdout=PIPE and no stderr= (its stderr then goes to the terminal)."
                )
            return (
                f"tail() of a command writing 1 MB to stderr, then 'done' to stdout, yielded "
                f"only {got!r} in 4 s: start the command with stdout=PIPE and no stderr=, and "
                "yield each stdout line as it comes."
            )
        try:
            await reading
        except ProcessLookupError:  # the output ended: how soon the child is reaped varies
            return KILLED_AN_ENDED
        if got[1:] != ["done"]:
            return f"tail() yielded {got!r}; expected 'pid <n>', 'done'."
        return ""

    kit.judge(kata, scenario, what="tail(cmd)", limit=15.0)


def test_a_cancelled_consumer_leaves_no_child(kata: kit.Kata) -> None:
    """The consumer is cancelled while it waits for the next line: no child is left behind."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(
        PRINT + "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('waiting', flush=True)\ntime.sleep(30)\n"
    )

    async def scenario() -> str:
        got: list[str] = []

        async def consume() -> None:
            async for line in tail(cmd):
                got.append(line)

        reading = asyncio.create_task(consume())
        await kit.until(lambda: len(got) >= 2, timeout=3.0)()
        reading.cancel()
        done, _ = await asyncio.wait({reading}, timeout=3.0)
        pid = pid_of(got[0]) if got else None
        if pid is None:
            return f"tail() of a command printing 'pid <n>' yielded {got!r} in 3 s."
        if not done:
            await stop(pid)
            return (
                "the consumer of tail() was cancelled while it waited for the next line, and "
                "had not finished 3 s later: kill a child that still runs (proc.kill(); this "
                "command ignores SIGTERM), then `await proc.wait()`."
            )
        state = subprocesses.process_state(pid)  # at once: the consumer has finished
        await stop(pid)
        if state == "running":
            return (
                "the command was still running after the consumer of tail() was cancelled "
                "while it waited for the next line: whatever ends the generator (break and "
                "aclose(), a cancellation, an error), kill a child that still runs and reap "
                "it in a `finally:` block."
            )
        if state == "zombie":
            return ZOMBIE
        if not reading.cancelled() and reading.exception() is None:
            return (
                "the consumer of tail() was cancelled while it waited for the next line, but "
                "its `async for` ended as if the output had ended and the consumer returned "
                "normally: it was never cancelled. Clean up in `finally:` and let the "
                "CancelledError go on (no `except CancelledError: return`)."
            )
        return ""

    kit.judge(kata, scenario, what="tail(cmd) with its consumer cancelled", limit=10.0)


def test_an_error_while_reading_leaves_no_child(kata: kit.Kata) -> None:
    """A line that is not UTF-8 (b"caf\\xe9"): whether tail() raises UnicodeDecodeError or
    yields something, no child is left running."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python(
        PRINT + "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "import sys\nsys.stdout.buffer.write(b'caf\\xe9\\n'); sys.stdout.flush()\n"
        "time.sleep(30)\n"
    )

    async def scenario() -> str:
        got: list[str] = []
        try:
            async with asyncio.timeout(4.0), contextlib.aclosing(tail(cmd)) as lines:
                async for line in lines:
                    got.append(line)
                    if len(got) == 2:
                        break
        except TimeoutError:
            await stop(pid_of(got[0]) if got else None)
            return (
                f"tail() of a command printing 'pid <n>', then the line b'caf\\xe9' (Latin-1, "
                f"not UTF-8), yielded {got!r} and had not ended 4 s later."
            )
        except Exception as error:  # noqa: BLE001 - raising is fine; the child is what counts
            pid = pid_of(got[0]) if got else None
            state = subprocesses.process_state(pid) if pid else "gone"
            await stop(pid)
            if state == "running":
                return (
                    "tail() of a command printing the line b'caf\\xe9' (Latin-1, not UTF-8) "
                    f"raised {type(error).__name__}, and the "
                    "command was still running after the error had left tail(): whatever ends "
                    "the generator (break and aclose(), a cancellation, an error), kill a child "
                    "that still runs and reap it in a `finally:` block, not only in `except`."
                )
            return ZOMBIE if state == "zombie" else ""
        pid = pid_of(got[0]) if got else None
        state = subprocesses.process_state(pid) if pid else "gone"
        await stop(pid)
        return {"running": STILL_RUNNING.format(how=""), "zombie": ZOMBIE}.get(state, "")

    kit.judge(kata, scenario, what="tail(cmd) of a line that is not UTF-8", limit=10.0)


# Checked last: earlier wrong answers fail the checks above first.
def test_a_slow_consumer_gets_every_line(kata: kit.Kata) -> None:
    """A command prints its lines and exits at once; a consumer that pauses 0.3 s after each
    line still gets every line (they wait in the pipe after the command has ended)."""
    tail = kata.get("tail", "asyncgen")
    cmd = subprocesses.python("print('a'); print('b'); print('c')")

    async def scenario() -> str:
        got: list[str] = []
        try:
            async for line in tail(cmd):
                got.append(line)
                await asyncio.sleep(0.3)
        except ProcessLookupError:
            return KILLED_AN_ENDED
        if got != ["a", "b", "c"]:
            return (
                "tail() of a command that printed 'a', 'b', 'c' and exited at once, read by a "
                f"consumer pausing 0.3 s after each line, yielded {got!r}: the lines a command "
                "printed stay in the pipe after it has exited. Read until the output ends "
                "(readline() returns b''), whatever proc.returncode says meanwhile."
            )
        return ""

    kit.judge(kata, scenario, what="tail(cmd) read slowly", limit=10.0)


# Checked last: earlier wrong answers fail the checks above first.
def test_stderr_goes_to_the_terminal(kata: kit.Kata) -> None:
    """The command prints where its stderr leads: the same place as the caller's stderr (not
    /dev/null: only stdout is piped; its error messages still reach the terminal)."""
    try:
        ours = os.readlink("/proc/self/fd/2")
    except OSError:
        pytest.skip("no /proc/self/fd here: where stderr goes cannot be seen")
    expect_lines(
        kata,
        "import os; print(os.readlink('/proc/self/fd/2'))",
        "where its own stderr leads",
        [ours],
        "start the command with stdout=PIPE and no stderr=: its error messages then go to the "
        "terminal, as the caller's do (stderr=DEVNULL throws them away).",
    )
