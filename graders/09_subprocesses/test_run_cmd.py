"""Grader for 09_subprocesses/run_cmd: exit code and output, no shell, no deadlock, a timeout.

Children are this Python (`sys.executable -c ...`), on the real clock.

Docstring sentence -> the check that enforces it:
- `asyncio.create_subprocess_exec(*cmd, ...)`, never through a shell
  -> test_arguments_are_not_given_to_a_shell (arguments unchanged, and the command's parent
  process is the grading process: a shell quoting them with shlex.join is seen too)
- stdout and stderr connected to pipes; return `(returncode, stdout, stderr)`
  -> test_code_and_output
- read the output WHILE the child runs (`communicate()`) -> test_two_megabytes_of_output,
  test_stderr_is_read_while_stdout_is (300 kB of stderr before any stdout; a hang is blamed on
  the full stderr pipe only when the child had not finished writing to it)
- (the kata's topic) never block the loop: no `subprocess.run` in a coroutine
  -> test_does_not_block_the_loop
- longer than `timeout`: kill it, reap it, raise `TimeoutError`
  -> test_timeout_kills_and_reaps (TimeoutError itself, not subprocess.TimeoutExpired),
  test_gives_up_after_timeout_seconds (also: a command that ends 0.45 s after the call, with
  timeout 0.2, times out: no slack added to `timeout`),
  test_a_child_that_ignores_sigterm_is_killed (kill, not terminate nor SIGINT),
  test_a_chatty_child_times_out_too (the timeout bounds the whole run, not each read),
  test_a_zero_timeout_times_out (timeout 0 is no "no timeout": every command runs longer)
- a command that runs no longer than `timeout` is not killed -> test_gives_up_after_timeout_seconds
  (timeout 0.2 raising TimeoutError before 0.18 s: the timeout rounded or cut)
- return `(returncode, ...)` -> test_arguments_are_not_given_to_a_shell also names an exit
  code that is not the child's (None: read before the child was waited for)
- return `(returncode, stdout_bytes, stderr_bytes)` (a tuple, the bytes as written)
  -> test_arguments_are_not_given_to_a_shell names a list, and stripped or decoded output,
  before it blames a shell
- if `run()` itself is cancelled, stop the child the same way (kill it, reap it), then let the
  cancellation go on -> test_a_cancelled_run_leaves_no_child (the child ignores SIGTERM and
  SIGINT: kill, not terminate, on a cancellation too; a child killed but not waited for is
  named as such)
- longer than `timeout` (or cancelled): kill it (`proc.kill()`), not terminate() first with a
  grace -> test_no_sigterm_before_the_kill (the child records a SIGTERM it ignores)
- a command that dies of a signal before the timeout is no timeout: return its returncode
  -> test_a_child_killed_by_a_signal_is_no_timeout
"""

import asyncio
import contextlib
import os
import re
import signal
import time
from pathlib import Path
from typing import Any

import kit
import pytest
from kit import subprocesses

PIPE_HINT = (
    "The child wrote more than a pipe buffer holds (about 64 KiB) and waits for someone to "
    "read it, while your code waits for the child to exit: a deadlock. Read while waiting: "
    "`await proc.communicate()`, not `await proc.wait()` before reading."
)


def run_to_the_end(kata: kit.Kata, code: str, what: str, hang_hint: str) -> tuple[Any, ...]:
    """run(cmd, 30) of this Python running ``code``, within 5 s of real time; returns
    (returncode, stdout, stderr), or (None, b"", b"") when it gave no tuple."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python(code)
    result = kata.run(
        lambda: run(cmd, 30.0), clock="real", limit=5.0, what=what, hang_hint=hang_hint
    )
    return result.value if isinstance(result.value, tuple) else (None, b"", b"")


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """run is an async def."""
    kata.get("run", "coroutine")


def test_arguments_are_not_given_to_a_shell(kata: kit.Kata) -> None:
    """Arguments with spaces, $ and ; reach the program unchanged."""
    run = kata.get("run", "coroutine")
    args = ["two words", "$HOME", "a;b", "*", "", "  grüße\t"]
    # The child also says (on stderr) which process started it, when that is not this one.
    cmd = subprocesses.python(
        "import os, sys; print(sys.argv[1:]); parent = os.getppid()\n"
        f"if parent != {os.getpid()}:\n"
        "    try: name = open(f'/proc/{parent}/comm').read().strip()\n"
        "    except OSError: name = '?'\n"
        "    print('parent:', name, file=sys.stderr)",
        *args,
    )
    result = kata.run(lambda: run(cmd, 10.0), clock="real", limit=10.0, what="run(cmd, 10)")
    want = (0, f"{args!r}\n".encode(), b"")
    value = result.value
    if isinstance(value, tuple) and len(value) == 3 and value[1] == want[1]:
        kit.expect(
            value[0] == 0,
            f"a command printing its arguments and exiting with 0 gave {value!r}: the exit "
            f"code was {value[0]!r}. Return proc.returncode once the child has exited "
            "(`await proc.communicate()` waits for that; before it, returncode is None).",
        )
        parent = value[2].decode(errors="replace").strip()
        kit.expect(
            not parent.startswith("parent:"),
            f"the command received its arguments unchanged, but its parent process was "
            f"{parent.removeprefix('parent:').strip()!r}, not your program: it was started "
            "through that process. Pass the list to `asyncio.create_subprocess_exec(*cmd, "
            "...)`, never a string to create_subprocess_shell (even one quoted with shlex).",
        )
    kit.expect(
        isinstance(value, tuple),
        f"run() returned {value!r}, a {type(value).__name__}; expected a tuple "
        "(returncode, stdout_bytes, stderr_bytes): `return proc.returncode, stdout, stderr`.",
    )
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], bytes | str):
        out = value[1].encode() if isinstance(value[1], str) else value[1]
        kit.expect(
            out == want[1] or want[1].strip() not in out,
            f"a command printing its arguments {args!r} gave {value!r}; expected {want!r}: "
            "the arguments arrived unchanged, but the output was not returned exactly as the "
            "command wrote it. Return the bytes communicate() gives, as they are (no decode(), "
            "no strip()).",
        )
    kit.expect(
        result.value == want,
        f"a command printing its arguments {args!r} gave {result.value!r}; expected "
        f"{want!r}: the command went through a shell, which splits on spaces and expands $, ; "
        "and *. Pass the list to `asyncio.create_subprocess_exec(*cmd, ...)`, never a joined "
        "string to create_subprocess_shell.",
    )


def test_code_and_output(kata: kit.Kata) -> None:
    """run returns the exit code, stdout and stderr as bytes."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python(
        "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    )
    result = kata.run(lambda: run(cmd, 10.0), clock="real", limit=10.0, what="run(cmd, 10)")
    kit.expect_equal(
        result.value,
        (3, b"out\n", b"err\n"),
        "run() of a command that prints 'out', prints 'err' to stderr and exits with 3",
        "Return (proc.returncode, stdout, stderr), with both pipes: "
        "stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE.",
    )


def test_does_not_block_the_loop(kata: kit.Kata) -> None:
    """While the child runs, other tasks on the loop keep running."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python("import time; time.sleep(1.0); print('done')")

    async def scenario() -> str:
        loop = asyncio.get_running_loop()
        longest, last = 0.0, loop.time()

        async def heartbeat() -> None:
            nonlocal longest, last
            while True:
                await asyncio.sleep(0.02)
                longest, last = max(longest, loop.time() - last), loop.time()

        beat = asyncio.create_task(heartbeat())
        try:
            value = await run(cmd, 10.0)
        finally:
            longest = max(longest, loop.time() - last)  # a freeze right up to the return
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat
        if longest > 0.5:
            return (
                f"the event loop was frozen for {longest:.1f} s while a 1 s command ran: "
                "subprocess.run() (like os.system or Popen.communicate) blocks the whole loop "
                "inside a coroutine, so no other task runs. Use "
                "`await asyncio.create_subprocess_exec(*cmd, ...)` and "
                "`await proc.communicate()`."
            )
        if value != (0, b"done\n", b""):
            return (
                f"run() of a command printing 'done' returned {value!r}; "
                "expected (0, b'done\\n', b'')."
            )
        return ""

    kit.judge(kata, scenario, what="run(cmd, 10)", limit=10.0)


def test_two_megabytes_of_output(kata: kit.Kata) -> None:
    """A command writing 2 MB to stdout (and 100 kB to stderr) completes."""
    code, out, err = run_to_the_end(
        kata,
        "import sys; sys.stdout.buffer.write(b'x' * 2_000_000); "
        "sys.stderr.buffer.write(b'e' * 100_000)",
        "run() of a 2 MB command",
        PIPE_HINT,
    )
    kit.expect(
        (code, len(out), len(err)) == (0, 2_000_000, 100_000),
        f"run() of a command writing 2,000,000 bytes to stdout and 100,000 to stderr returned "
        f"code {code!r} with {len(out)} and {len(err)} bytes; expected 0, 2000000, 100000: "
        "collect everything the child writes (communicate() returns it all).",
    )


def test_timeout_kills_and_reaps(kata: kit.Kata, tmp_path: Path) -> None:
    """A command slower than the timeout: TimeoutError, the child killed and reaped by then."""
    run = kata.get("run", "coroutine")
    pidfile = tmp_path / "pid"
    cmd = subprocesses.python(
        "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(30)",
        str(pidfile),
    )

    async def scenario() -> str:
        try:
            value = await run(cmd, 1.5)
        except TimeoutError:
            text = pidfile.read_text() if pidfile.exists() else ""
            # Checked at once, before the loop runs again: did run() reap the child itself?
            state = subprocesses.process_state(int(text)) if text else "gone"
        except Exception as error:  # noqa: BLE001 - a wrong exception is named below
            text = pidfile.read_text() if pidfile.exists() else ""
            if text and subprocesses.process_state(int(text)) == "running":
                with contextlib.suppress(OSError):
                    os.kill(int(text), signal.SIGKILL)  # the grader cleans up after the mistake
                await kit.until(lambda: subprocesses.process_state(int(text)) != "running", 2.0)()
                await asyncio.sleep(0.2)
            return (
                f"run() of a 30 s command with timeout 1.5 raised {type(error).__name__}, "
                "which is not a TimeoutError: raise the built-in TimeoutError (the one "
                "asyncio.timeout and asyncio.wait_for raise) after killing and reaping the "
                "child."
            )
        else:
            return (
                f"run() of a 30 s command with timeout 1.5 returned {value!r}; expected it to "
                "raise TimeoutError: let the TimeoutError propagate (after killing and reaping "
                "the child)."
            )
        if state == "running":
            with contextlib.suppress(OSError):
                os.kill(int(text), signal.SIGKILL)  # the grader cleans up after the mistake
            # Let asyncio see the child exit, so its transport is not blamed later.
            await kit.until(lambda: subprocesses.process_state(int(text)) != "running", 2.0)()
            await asyncio.sleep(0.2)
            return (
                "the command was still running (or not yet waited for) when run() raised "
                "TimeoutError: on timeout kill it with proc.kill(), then reap it with "
                "`await proc.wait()`, then raise."
            )
        if state == "zombie":
            return (
                "the command was killed but never reaped when run() raised TimeoutError (a "
                "zombie process): `await proc.wait()` after proc.kill()."
            )
        return ""

    kit.judge(
        kata,
        scenario,
        what="run() of a 30 s command with timeout 1.5",
        limit=10.0,
        hang_hint="run() must give up after `timeout` seconds: put communicate() under "
        "`async with asyncio.timeout(timeout):` (or asyncio.wait_for).",
    )


def test_gives_up_after_timeout_seconds(kata: kit.Kata) -> None:
    """With timeout=0.2, run() raises TimeoutError about 0.2 s after the start, not later;
    a command that ends 0.45 s after the call times out too."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python("import time; time.sleep(30)")
    elapsed = 0.0

    async def a_little_longer() -> str:
        """run() of a command ending 0.45 s after the call, with timeout 0.2: "" when it
        gave up before the command could end, "?" when it is not known (it raised later),
        else the sentence. The command sleeps to a moment on the monotonic clock, not for a
        while, so that a slow interpreter start-up (a loaded machine) does not delay it."""
        deadline = time.monotonic() + 0.45
        short = subprocesses.python(
            "import sys, time; time.sleep(max(0.0, float(sys.argv[1]) - time.monotonic()))",
            repr(deadline),
        )
        try:
            value = await run(short, 0.2)
        except TimeoutError:
            # Later than the command's end: its start-up was slow, or this loop was held up.
            return "" if time.monotonic() < deadline else "?"
        return (
            f"run() of a command that ends 0.45 s after the call, with timeout 0.2, returned "
            f"{value!r}: the command ran longer than `timeout`, so run() must kill it and "
            "raise TimeoutError. Use `timeout` exactly as given (`asyncio.timeout(timeout)`), "
            "with nothing added."
        )

    async def scenario() -> str:
        nonlocal elapsed
        start = asyncio.get_running_loop().time()
        try:
            value = await run(cmd, 0.2)
        except TimeoutError:
            elapsed = asyncio.get_running_loop().time() - start
        else:
            return f"run() of a 30 s command with timeout 0.2 returned {value!r}."
        if elapsed > 1.0:
            return (
                f"run() of a 30 s command with timeout 0.2 raised TimeoutError after "
                f"{elapsed:.1f} s: give up after `timeout` seconds itself "
                "(`async with asyncio.timeout(timeout):` around communicate())."
            )
        if elapsed < 0.18:
            return (
                f"run() of a 30 s command with timeout 0.2 raised TimeoutError after "
                f"{elapsed:.2f} s, before its `timeout` had passed: a command may run for "
                "`timeout` seconds before it is killed. Use `timeout` exactly as given "
                "(`asyncio.timeout(timeout)`), not rounded nor cut."
            )
        # A command a little longer than its timeout times out too; tried again (up to five
        # times in all) while the outcome says nothing.
        for _ in range(5):
            problem = await a_little_longer()
            if problem != "?":
                return problem
        return ""

    kit.judge(kata, scenario, what="run() of a 30 s command with timeout 0.2", limit=10.0)


# Checked last, so that an earlier check names a mistake it finds first.
def test_stderr_is_read_while_stdout_is(kata: kit.Kata, tmp_path: Path) -> None:
    """A command writing 300 kB to stderr before anything to stdout completes; if it does
    not, the child tells whether it was still stuck writing to stderr."""
    run = kata.get("run", "coroutine")
    pid_file, written = tmp_path / "pid", tmp_path / "stderr-written"
    cmd = subprocesses.python(
        "import os, pathlib, sys\n"
        f"pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))\n"
        "sys.stderr.buffer.write(b'e' * 300_000); sys.stderr.flush()\n"
        f"pathlib.Path({str(written)!r}).touch()\n"
        "sys.stdout.buffer.write(b'out')"
    )
    what = "run() of a command writing 300 kB to stderr first"

    async def scenario() -> str:
        task = asyncio.ensure_future(run(cmd, 30.0))
        done, _ = await asyncio.wait({task}, timeout=5.0)
        if not done:
            stuck = pid_file.exists() and not written.exists()
            task.cancel()
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(task, 2.0)
            with contextlib.suppress(ValueError, OSError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)  # a child left stuck
            if stuck:
                return (
                    f"{what} never finished: 5 s later (real time) the child was still "
                    "writing to stderr: it had filled the stderr pipe (about 64 KiB) and "
                    "nothing read it. Code that first reads stdout to its end (or waits for "
                    "the child) never reads stderr: a deadlock. Read both pipes at once, "
                    "while the child runs: `await proc.communicate()`."
                )
            return (
                f"{what} never finished: still waiting after 5 s (real time), though the "
                "child had written all of its stderr. Read both pipes at once, while the "
                "child runs, then wait for the exit: `await proc.communicate()`."
            )
        value = task.result()
        code, out, err = value if isinstance(value, tuple) and len(value) == 3 else (None, b"", b"")
        if (code, out, len(err)) != (0, b"out", 300_000):
            return (
                f"run() of a command writing 300,000 bytes to stderr, then b'out' to stdout, "
                f"returned code {code!r}, {out[:20]!r} and {len(err)} bytes of stderr; "
                "expected 0, b'out' and 300000."
            )
        return ""

    kit.judge(kata, scenario, what=what, limit=10.0)


def test_a_child_that_ignores_sigterm_is_killed(kata: kit.Kata) -> None:
    """On timeout a child that ignores SIGTERM and SIGINT is still stopped: kill(), not
    terminate() nor send_signal(SIGINT)."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python(
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "signal.signal(signal.SIGINT, signal.SIG_IGN); time.sleep(30)"
    )
    what = "run() of a 30 s command that ignores SIGTERM and SIGINT, with timeout 0.5"

    async def scenario() -> str:
        try:
            async with asyncio.timeout(5.0) as scope:
                value = await run(cmd, 0.5)
        except TimeoutError:
            if not scope.expired():
                return ""  # run()'s own TimeoutError, after the child was stopped
            return (
                f"{what} had not returned after 5 s: this command ignores SIGTERM and SIGINT, "
                "so proc.terminate() (or a Ctrl-C, send_signal(SIGINT)) does not stop it and "
                "`await proc.wait()` waits for ever. On timeout stop the child with "
                "proc.kill() (SIGKILL cannot be ignored), then `await proc.wait()`, then raise."
            )
        return f"{what} returned {value!r}; expected TimeoutError."

    kit.judge(kata, scenario, what=what, limit=10.0)


def test_a_chatty_child_times_out_too(kata: kit.Kata) -> None:
    """The timeout bounds the whole run: a child printing every 50 ms still times out."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python(
        "import sys, time\nfor i in range(600):\n    print(i, flush=True)\n"
        "    print(i, file=sys.stderr, flush=True)\n    time.sleep(0.05)"
    )
    what = "run() of a 30 s command printing to stdout and stderr every 50 ms, with timeout 0.5"

    async def scenario() -> str:
        try:
            async with asyncio.timeout(3.0) as scope:
                value = await run(cmd, 0.5)
        except TimeoutError:
            if not scope.expired():
                return ""  # run()'s own TimeoutError
            return (
                f"{what} had not raised TimeoutError after 3 s: `timeout` bounds the whole "
                "run, however often the child prints. Put the whole communicate() under one "
                "`async with asyncio.timeout(timeout):`."
            )
        return f"{what} returned {value!r}; expected TimeoutError."

    kit.judge(kata, scenario, what=what, limit=10.0)


def test_a_child_killed_by_a_signal_is_no_timeout(kata: kit.Kata) -> None:
    """A command that dies of SIGKILL at once returns its returncode -9: no TimeoutError."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python(
        "import os, signal; print('bye', flush=True); os.kill(os.getpid(), signal.SIGKILL)"
    )
    what = "run() of a command that prints 'bye' and dies of SIGKILL at once, with timeout 10"

    async def scenario() -> str:
        try:
            value = await run(cmd, 10.0)
        except TimeoutError:
            return (
                f"{what} raised TimeoutError, though the command ended long before its 10 s: "
                "a returncode of -9 (killed by SIGKILL) is how the command ended, not a sign "
                "that the timeout passed. Raise TimeoutError only when `timeout` runs out "
                "(asyncio.timeout around communicate()); otherwise return the returncode."
            )
        if value != (-9, b"bye\n", b""):
            return (
                f"{what} returned {value!r}; expected (-9, b'bye\\n', b''): a command killed "
                "by signal N has returncode -N; return proc.returncode as it is."
            )
        return ""

    kit.judge(kata, scenario, what=what, limit=10.0)


def test_a_cancelled_run_leaves_no_child(kata: kit.Kata, tmp_path: Path) -> None:
    """run() cancelled while a command that ignores SIGTERM and SIGINT runs: the command is
    killed and reaped."""
    run = kata.get("run", "coroutine")
    pidfile = tmp_path / "pid"
    cmd = subprocesses.python(
        "import os, signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "signal.signal(signal.SIGINT, signal.SIG_IGN); "
        "open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(30)",
        str(pidfile),
    )
    what = (
        "run() of a 30 s command that ignores SIGTERM and SIGINT, with timeout 30, cancelled "
        "after it started"
    )

    async def scenario() -> str:
        task = asyncio.ensure_future(run(cmd, 30.0))
        await kit.until(lambda: pidfile.exists() and pidfile.read_text() != "", 3.0)()
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=3.0)
        text = pidfile.read_text() if pidfile.exists() else ""
        if not text:
            return f"{what}: the command had not started 3 s after run() was called."
        pid = int(text)
        state = subprocesses.process_state(pid)  # at once: did run() stop and reap it?
        if state == "running" and not done:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)  # the grader cleans up after the mistake
            await asyncio.wait({task}, timeout=2.0)
            if not task.done():
                task.cancel()
                await asyncio.wait({task}, timeout=2.0)
            return (
                f"{what}: 3 s after the cancellation run() had not ended and the command was "
                "still running: this command ignores SIGTERM and SIGINT, so proc.terminate() "
                "(or send_signal(SIGINT)) does not stop it and `await proc.wait()` waits for "
                "ever. On a cancellation stop the child the same way as on a timeout: "
                "proc.kill(), then `await proc.wait()`, then let the CancelledError go on."
            )
        if state == "running" or not done:
            # A child that dies now by itself was killed (it ignores SIGTERM and SIGINT), but
            # run() ended before the kill had taken effect: it did not wait for the child.
            died = (
                done
                and await kit.until(lambda: subprocesses.process_state(pid) != "running", 0.5)()
            )
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)  # the grader cleans up after the mistake
            await kit.until(lambda: subprocesses.process_state(pid) != "running", 2.0)()
            await asyncio.sleep(0.2)
            if died:
                return (
                    f"{what}: the command was still running when run() ended, and died just "
                    "after: it was killed, but run() did not wait for it to end. After "
                    "proc.kill(), `await proc.wait()` (on a cancellation too), then let the "
                    "CancelledError go on."
                )
            if done:
                return (
                    f"{what}: the command was still running after run() ended. Kill and reap "
                    "the child whatever stops run(), a timeout or a cancellation: "
                    "`try: ... finally: if proc.returncode is None: proc.kill(); "
                    "await proc.wait()`."
                )
        if not done:
            task.cancel()
            await asyncio.wait({task}, timeout=2.0)
            return f"{what}: run() had not ended 3 s after it was cancelled."
        if state == "zombie":
            return (
                f"{what}: the command was killed, but run() did not wait for it to end: "
                "it was never reaped (a zombie process when run() ended). After proc.kill(), "
                "`await proc.wait()` (on a cancellation too), then let the CancelledError go on."
            )
        if not task.cancelled():
            error = task.exception()
            ended = f"raised {type(error).__name__}" if error else f"returned {task.result()!r}"
            return (
                f"{what}: run() {ended} instead of ending cancelled: after stopping the child, "
                "let the CancelledError go on."
            )
        return ""

    kit.judge(kata, scenario, what=what, limit=15.0)


@pytest.mark.parametrize("stop", ["timeout", "cancel"])
def test_no_sigterm_before_the_kill(kata: kit.Kata, tmp_path: Path, stop: str) -> None:
    """A slow command that records any SIGTERM (and ignores it): on timeout, or when run() is
    cancelled, it gets SIGKILL at once (proc.kill()), no SIGTERM first with a grace period."""
    run = kata.get("run", "coroutine")
    marks = tmp_path / "signals"
    cmd = subprocesses.python(
        "import os, signal, sys, time\n"
        "def note(number, frame):\n"
        "    open(sys.argv[1], 'a').write('TERM\\n')\n"
        "signal.signal(signal.SIGTERM, note)\n"
        "open(sys.argv[1], 'a').write(f'up {os.getpid()}\\n')\n"
        "for _ in range(300):\n"
        "    time.sleep(0.1)",
        str(marks),
    )
    what = (
        "run() of a 30 s command that ignores SIGTERM, with timeout 0.5"
        if stop == "timeout"
        else "run() of a 30 s command that ignores SIGTERM, with timeout 30, cancelled once it "
        "had started"
    )

    async def scenario() -> str:
        loop = asyncio.get_running_loop()
        start = loop.time()
        task = asyncio.ensure_future(run(cmd, 0.5 if stop == "timeout" else 30.0))
        if stop == "cancel":
            await kit.until(lambda: marks.exists() and "up" in marks.read_text(), 3.0)()
            start = loop.time()
            task.cancel()
        done, _ = await asyncio.wait({task}, timeout=8.0)
        elapsed = loop.time() - start
        if not done:
            text = marks.read_text() if marks.exists() else ""
            for pid in re.findall(r"up (\d+)", text):
                with contextlib.suppress(OSError):
                    os.kill(int(pid), signal.SIGKILL)  # the grader cleans up after the mistake
            task.cancel()
            await asyncio.wait({task}, timeout=2.0)
            return ""  # a child never stopped: the checks above name it
        if not task.cancelled():
            task.exception()  # retrieved: a wrong outcome is named by the checks above
        if "TERM" in (marks.read_text() if marks.exists() else ""):
            return (
                f"{what}: the command received SIGTERM before it was stopped, and run() "
                f"ended {elapsed:.1f} s after the {stop}: on a {stop} kill the child at once "
                "with proc.kill() (SIGKILL), then `await proc.wait()`; a SIGTERM first, and a "
                "grace period for a child that ignores it, only make run() late."
            )
        return ""

    kit.judge(kata, scenario, what=what, limit=15.0)


def test_a_zero_timeout_times_out(kata: kit.Kata) -> None:
    """timeout=0: a 30 s command runs longer than that, so run() raises TimeoutError at once."""
    run = kata.get("run", "coroutine")
    cmd = subprocesses.python("import time; time.sleep(30)")
    what = "run() of a 30 s command with timeout 0"

    async def scenario() -> str:
        try:
            async with asyncio.timeout(5.0) as scope:
                value = await run(cmd, 0)
        except TimeoutError:
            if not scope.expired():
                return ""  # run()'s own TimeoutError
            return (
                f"{what} had not raised TimeoutError after 5 s: a timeout of 0 seconds is not "
                '"no timeout", every command runs longer than that. Pass `timeout` as it is '
                "to `asyncio.timeout(timeout)` (not `timeout or None`)."
            )
        return f"{what} returned {value!r}; expected TimeoutError."

    kit.judge(kata, scenario, what=what, limit=10.0)
