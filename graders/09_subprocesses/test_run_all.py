"""Grader for 09_subprocesses/run_all: at most `limit` children alive, concurrent, in order.

Each child (this Python) appends its start and end times to a log before it sleeps and
exits, so the grader counts how many commands ran at once; a heartbeat task on the loop
shows whether a blocking call froze it. Real clock; only wide margins are used, and the
"next as soon as one finishes" check is a rendezvous, not a timing.

Docstring sentence -> the check that enforces it:
- never call `subprocess.run()` inside a coroutine: it blocks the loop
  -> test_does_not_block_the_loop
- return their exit codes in the order of `cmds` -> test_exit_codes_in_input_order (codes
  that are not the commands' own, in any order, point at how the command was started: a
  shell string, not the order),
  test_the_same_command_twice (two equal commands are two runs, two exit codes, each at its
  own position: neither code is 0, so a position never written to is seen)
- at most `limit` child processes alive at any moment (one shared Semaphore, held until the exit)
  -> test_at_most_limit_at_once_but_concurrent
- start each child with `asyncio.create_subprocess_exec(*cmd)` (the command is run_all's own
  child, not a shell's: even one quoted with shlex.join) -> test_no_shell_between
- at most `limit` (as many as `limit`, when that many wait: no cap of its own, such as the
  number of CPUs) -> test_limit_five_run_five_at_once
- starting the next as soon as one finishes -> test_next_starts_as_soon_as_one_finishes,
  test_a_free_slot_takes_the_next_command (no fixed lanes of commands per slot)
- (a list of commands, possibly empty) -> test_no_commands
- "the commands' output is not needed: let it go to the terminal" (no pipe nobody reads)
  -> test_a_chatty_command_is_not_held_up; and not thrown away (no DEVNULL): the child's
  stdout and stderr lead where the caller's do -> test_the_output_goes_to_the_terminal
- return their exit codes (a list) -> test_exit_codes_in_input_order names a tuple first
- leave `cmds` as it was -> test_cmds_is_left_as_it_was (no command popped from the list,
  and no command changed in place: a program named as `sh` is not replaced by its path)
- starting the next as soon as one finishes (waiting on the semaphore, not polling a counter)
  -> test_waits_for_a_slot_without_polling (the learner's file may not call asyncio.sleep
  with a delay)
- "with at most `limit` child processes alive" (each call's own `limit`: a second call on
  the same loop is not bound by the first one's) -> test_each_call_has_its_own_limit,
  test_calls_at_once_have_a_limit_each (two calls at once, with the same limit: neither holds
  up the other; no semaphore kept per limit)
"""

import asyncio
import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

import kit
import pytest
from kit import subprocesses

CHILD = (
    "import sys, time; log = sys.argv[1]; "
    "open(log, 'a').write(f'+ {time.time()}\\n'); time.sleep(float(sys.argv[2])); "
    "open(log, 'a').write(f'- {time.time()}\\n'); sys.exit(int(sys.argv[3]))"
)


def commands(log: Path, sleeps: list[float], codes: list[int]) -> list[list[str]]:
    """One child per (sleep, code): it logs its start, sleeps, logs its end, exits with code."""
    return [
        subprocesses.python(CHILD, str(log), str(s), str(c))
        for s, c in zip(sleeps, codes, strict=True)
    ]


def most_at_once(log: Path) -> int:
    """The most children between their start and end marks at the same time."""
    events = sorted(
        (float(stamp), 1 if mark == "+" else -1)
        for mark, stamp in (line.split() for line in log.read_text().splitlines())
    )
    alive = peak = 0
    for _, step in events:
        alive += step
        peak = max(peak, alive)
    return peak


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """run_all is an async def."""
    kata.get("run_all", "coroutine")


def test_does_not_block_the_loop(kata: kit.Kata, tmp_path: Path) -> None:
    """While children run, other tasks on the loop keep running."""
    run_all = kata.get("run_all", "coroutine")
    cmds = commands(tmp_path / "log", [0.8] * 3, [0] * 3)

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
            await run_all(cmds, 3)
        finally:
            longest = max(longest, loop.time() - last)  # a freeze right up to the return
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat
        if longest > 0.5:
            return (
                f"the event loop was frozen for {longest:.1f} s while the commands ran: "
                "subprocess.run() (like os.system or Popen.wait) blocks the whole loop inside "
                "a coroutine. Use `await asyncio.create_subprocess_exec(*cmd)` and "
                "`await proc.wait()`."
            )
        return ""

    kit.judge(kata, scenario, what="run_all", limit=20.0)


def test_exit_codes_in_input_order(kata: kit.Kata, tmp_path: Path) -> None:
    """Exit codes come back in the order of cmds, whatever order the commands end in."""
    run_all = kata.get("run_all", "coroutine")
    codes = [3, 0, 1, 2]
    cmds = commands(tmp_path / "log", [0.6, 0.0, 0.3, 0.1], codes)
    result = kata.run(lambda: run_all(cmds, 4), clock="real", limit=15.0, what="run_all")
    kit.expect(
        isinstance(result.value, list),
        f"run_all of 4 commands exiting with 3, 0, 1, 2 returned {result.value!r}, a "
        f"{type(result.value).__name__}; expected the list [3, 0, 1, 2] (asyncio.gather "
        "returns a list: return it as it is).",
    )
    reordered = sorted(result.value, key=repr) == sorted(codes, key=repr)
    kit.expect_equal(
        result.value,
        codes,
        "run_all of 4 commands exiting with 3, 0, 1, 2 (the first slowest)",
        "Return the exit codes in the order of cmds (gather keeps that order; collecting them "
        "as they finish does not)."
        if reordered
        else "Those are not the codes the commands exit with, in any order: run each command "
        "exactly as given, `await asyncio.create_subprocess_exec(*cmd)` (no shell: joined "
        "into one string, arguments that hold spaces or quotes fall apart), and return what "
        "`await proc.wait()` gives.",
    )


def test_at_most_limit_at_once_but_concurrent(kata: kit.Kata, tmp_path: Path) -> None:
    """6 commands with limit 2: never more than 2 alive, and 2 do run at the same time."""
    run_all = kata.get("run_all", "coroutine")
    log = tmp_path / "log"
    cmds = commands(log, [0.5] * 6, [0] * 6)
    result = kata.run(lambda: run_all(cmds, 2), clock="real", limit=20.0, what="run_all")
    kit.expect_equal(result.value, [0] * 6, "run_all of 6 commands exiting with 0")
    peak = most_at_once(log)
    kit.expect(
        peak <= 2,
        f"up to {peak} commands were running at once with limit 2; expected at most 2: hold "
        "ONE asyncio.Semaphore(limit), shared by all commands, from before each start until "
        "after its exit (a semaphore created per command limits nothing).",
    )
    kit.expect(
        peak == 2,
        "the commands ran one at a time (never two at once) with limit 2: start them "
        "concurrently (asyncio.gather or a TaskGroup) and let the semaphore hold back the "
        "rest; awaiting each command before starting the next runs them in turn.",
    )


# The waiter exits 0 once the file argv[1] exists, or 9 after 8 s; the toucher creates it.
WAITER = (
    "import os, sys, time\n"
    "for _ in range(800):\n"
    "    if os.path.exists(sys.argv[1]): sys.exit(0)\n"
    "    time.sleep(0.01)\n"
    "sys.exit(9)\n"
)
TOUCHER = "import sys; open(sys.argv[1], 'w').close()"


def test_next_starts_as_soon_as_one_finishes(kata: kit.Kata, tmp_path: Path) -> None:
    """limit=2: a command waiting for the 4th command to run lets the other slot go on."""
    run_all = kata.get("run_all", "coroutine")
    go = str(tmp_path / "go")
    # Four lists of their own: code that changes a command in place (a later check names
    # it) must not find one list twice here and fail with a raw FileNotFoundError.
    quick = [subprocesses.python("pass") for _ in range(2)]
    cmds = [subprocesses.python(WAITER, go), *quick, subprocesses.python(TOUCHER, go)]
    result = kata.run(lambda: run_all(cmds, 2), clock="real", limit=20.0, what="run_all")
    kit.expect(
        result.value == [0, 0, 0, 0],
        f"with limit=2, the first command waited (up to 8 s) for the fourth to run, while "
        f"the second and third ended at once; run_all returned {result.value!r}, expected "
        "[0, 0, 0, 0]: the fourth never started while the first held its slot. Did you run "
        "the commands in fixed batches of `limit` (each batch waits for its slowest)? Start "
        "the next command as soon as any one finishes: a Semaphore(limit) around each "
        "command, all started at once with gather.",
    )


def test_no_commands(kata: kit.Kata) -> None:
    """No commands: an empty list, at once."""
    run_all = kata.get("run_all", "coroutine")
    result = kata.run(lambda: run_all([], 3), clock="real", limit=5.0, what="run_all([], 3)")
    kit.expect_equal(result.value, [], "run_all([], 3)", "No commands, no exit codes.")


# Checked last, so that an earlier check names a mistake it finds first.
def test_a_chatty_command_is_not_held_up(kata: kit.Kata) -> None:
    """A command printing 1 MB (more than a pipe and asyncio's buffer hold) ends: its output
    goes to the terminal, not into a pipe that nobody reads."""
    run_all = kata.get("run_all", "coroutine")
    cmds = [subprocesses.python("import sys; sys.stdout.write('x' * 1_000_000); sys.exit(3)")]
    result = kata.run(
        lambda: run_all(cmds, 2),
        clock="real",
        limit=5.0,
        what="run_all([a command printing 1 MB], 2)",
        hang_hint="The command printed more than a pipe and asyncio's buffer hold and waits for "
        "someone to read it: with stdout=PIPE and only `await proc.wait()`, nobody does, a "
        "deadlock. The output is not needed: give create_subprocess_exec no stdout= (it "
        "goes to the terminal).",
    )
    kit.expect_equal(result.value, [3], "run_all([a command printing 1 MB and exiting 3], 2)")


# Checked last: earlier wrong answers fail the checks above first.
def test_a_free_slot_takes_the_next_command(kata: kit.Kata, tmp_path: Path) -> None:
    """limit=2: when the second command ends, the third starts, though the first still runs."""
    run_all = kata.get("run_all", "coroutine")
    go = str(tmp_path / "go")
    cmds = [subprocesses.python(WAITER, go), subprocesses.python("pass")]
    cmds.append(subprocesses.python(TOUCHER, go))
    result = kata.run(lambda: run_all(cmds, 2), clock="real", limit=20.0, what="run_all")
    kit.expect(
        result.value == [0, 0, 0],
        f"with limit=2, the first command waited (up to 8 s) for the third to run, while "
        f"the second ended at once; run_all returned {result.value!r}, expected [0, 0, 0]: "
        "the third did not take the slot the second freed. Did you deal the commands out "
        "to `limit` fixed lanes ahead of time (each lane running its share in turn)? Any "
        "free slot must take the next command: a Semaphore(limit) around each command, all "
        "started at once with gather (or workers pulling from one shared queue).",
    )


def test_the_same_command_twice(kata: kit.Kata, tmp_path: Path) -> None:
    """The same command given twice runs twice, each run with its own exit code."""
    run_all = kata.get("run_all", "coroutine")
    # The first run to create the flag file exits 4, the other exits 5 (neither 0, which a
    # list filled with 0 ahead would hold at a position that never got its code).
    cmd = subprocesses.python(
        "import os, sys\ntry:\n    os.close(os.open(sys.argv[1], os.O_CREAT | os.O_EXCL))\n"
        "except FileExistsError:\n    sys.exit(5)\nsys.exit(4)",
        str(tmp_path / "flag"),
    )
    # Equal, not one list twice: code that changes a command in place (a later check names
    # it) must not change the other run's command too and fail with a raw FileNotFoundError.
    twice = [cmd, list(cmd)]
    result = kata.run(lambda: run_all(twice, 2), clock="real", limit=10.0, what="run_all")
    value = result.value
    kit.expect(
        isinstance(value, list) and sorted(value) == [4, 5],
        f"run_all([cmd, cmd], 2), the same command twice (the run that creates a flag file "
        f"first exits 4, the other 5), returned {value!r}; expected [4, 5] or [5, 4]: each "
        "entry of cmds is a run of its own, even when two are equal, and its exit code goes "
        "at its own position."
        + (
            " A position held 0, a code neither run gave: it never got its code. Keep each "
            "command's own index (enumerate), not a lookup such as cmds.index(cmd), which "
            "finds the first equal command for both."
            if isinstance(value, list) and 0 in value
            else ""
        ),
    )


def test_cmds_is_left_as_it_was(kata: kit.Kata) -> None:
    """run_all does not empty or change the caller's list of commands."""
    run_all = kata.get("run_all", "coroutine")
    cmds = [
        subprocesses.python("import sys; sys.exit(4)"),
        ["sh", "-c", "exit 0"],  # a program named as a shell finds it, on the PATH
        subprocesses.python("import sys; sys.exit(2)"),
    ]
    before = [list(cmd) for cmd in cmds]
    result = kata.run(lambda: run_all(cmds, 2), clock="real", limit=10.0, what="run_all")
    kit.expect_equal(result.value, [4, 0, 2], "run_all of 3 commands exiting with 4, 0, 2")
    changed = next(((old, new) for old, new in zip(before, cmds, strict=False) if old != new), None)
    if len(cmds) == len(before) and changed is not None:
        kit.fail(
            f"after run_all(cmds, 2) of 3 commands, the command {changed[0]!r} of the caller's "
            f"list had become {changed[1]!r}: run_all changed a command inside cmds (each "
            "command is the caller's list too). Leave cmds as it was, the commands in it "
            "included: build any changed command as a new list "
            "(`[shutil.which(cmd[0]), *cmd[1:]]`, `program, *args = cmd`)."
        )
    kit.expect(
        cmds == before,
        f"after run_all(cmds, 2) of 3 commands, the caller's list cmds held {cmds!r}: run_all "
        "changed it (popping commands from the list the caller gave). Leave cmds as it was: "
        "iterate over it, or take commands from a copy or a queue of your own.",
    )


POLLING = (
    "your code called asyncio.sleep {n} time(s) while the commands ran: it waited for a free "
    "slot by polling, so the next command starts late, not as soon as one finishes. Wait on "
    "one shared asyncio.Semaphore(limit) instead (`async with slots:` wakes the next command "
    "the moment a slot frees)."
)


def test_waits_for_a_slot_without_polling(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """limit=1, 3 quick commands: the next command waits on the semaphore, not in a
    sleep loop."""
    run_all = kata.get("run_all", "coroutine")
    sleeps = kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)
    cmds = [subprocesses.python("import time; time.sleep(0.2)") for _ in range(3)]
    result = kata.run(lambda: run_all(cmds, 1), clock="real", limit=10.0, what="run_all")
    kit.expect_equal(result.value, [0, 0, 0], "run_all of 3 commands exiting with 0, limit 1")
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))


def test_each_call_has_its_own_limit(kata: kit.Kata, tmp_path: Path) -> None:
    """run_all(3 quick commands, 3), then run_all(4 commands, 1) on the same loop: the second
    call runs its commands one at a time (its own limit, not the first call's)."""
    run_all = kata.get("run_all", "coroutine")
    log = tmp_path / "log"
    quick = [subprocesses.python("import sys; sys.exit(0)") for _ in range(3)]
    cmds = commands(log, [0.3] * 4, [0] * 4)

    async def both() -> Any:
        await run_all(quick, 3)
        return await run_all(cmds, 1)

    what = "run_all(3 commands, 3), then run_all(4 commands, 1)"
    result = kata.run(both, clock="real", limit=20.0, what=what)
    kit.expect_equal(result.value, [0] * 4, f"the second call of {what}")
    peak = most_at_once(log)
    kit.expect(
        peak <= 1,
        f"in {what}, up to {peak} commands of the second call were running at once; expected "
        "one at a time: each call has its own limit. Make the semaphore inside run_all, afresh "
        "for each call, not once at module level.",
    )


# Checked last: earlier wrong answers fail the checks above first.
def test_the_output_goes_to_the_terminal(kata: kit.Kata, tmp_path: Path) -> None:
    """A command notes where its stdout and stderr lead: the same place as run_all's caller's
    (the output is not needed, but it goes to the terminal, not to /dev/null)."""
    ours = []
    for fd in (1, 2):
        try:
            ours.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pytest.skip("no /proc/self/fd here: where the output goes cannot be seen")
    log = tmp_path / "fds"
    cmd = subprocesses.python(
        "import os, sys\nopen(sys.argv[1], 'w').write("
        "os.readlink('/proc/self/fd/1') + '\\n' + os.readlink('/proc/self/fd/2'))",
        str(log),
    )
    run_all = kata.get("run_all", "coroutine")
    result = kata.run(lambda: run_all([cmd], 1), clock="real", limit=10.0, what="run_all")
    kit.expect_equal(result.value, [0], "run_all([a command noting its stdout and stderr], 1)")
    theirs = log.read_text().split("\n") if log.exists() else []
    kit.expect(
        theirs == ours,
        f"a command run by run_all had its stdout and stderr lead to {theirs!r}, not where "
        "run_all's own output goes: the commands' output is not needed, but let it go to the "
        "terminal (no stdout= or stderr= to create_subprocess_exec; DEVNULL throws it away).",
    )


# Each child notes its start ("+"), then waits until `argv[2]` children have started (exit 0).
# After 10 s it gives up (exit 9) and says so ("x"), and a child that sees that gives up at
# once: code that never runs them all together is not kept waiting 10 s per command.
GATHERING = (
    "import sys, time\n"
    "log, wanted = sys.argv[1], int(sys.argv[2])\n"
    "open(log, 'a').write('+\\n')\n"
    "deadline = time.monotonic() + 10.0\n"
    "while time.monotonic() < deadline:\n"
    "    text = open(log).read()\n"
    "    if text.count('+') >= wanted: sys.exit(0)\n"
    "    if 'x' in text: sys.exit(9)\n"
    "    time.sleep(0.01)\n"
    "open(log, 'a').write('x\\n')\n"
    "sys.exit(9)\n"
)


# Checked last: earlier wrong answers fail the checks above first.
def test_limit_five_run_five_at_once(kata: kit.Kata, tmp_path: Path) -> None:
    """5 commands with limit 5: all five run at the same time (no cap below `limit`, such as
    the machine's number of CPUs). Each waits, up to 10 s, for all five to have started."""
    run_all = kata.get("run_all", "coroutine")
    log = str(tmp_path / f"gathering-{secrets.token_hex(4)}")  # fresh, whatever ran before
    cmds = [subprocesses.python(GATHERING, log, "5") for _ in range(5)]
    result = kata.run(lambda: run_all(cmds, 5), clock="real", limit=40.0, what="run_all")
    kit.expect(
        result.value == [0] * 5,
        f"with limit 5, five commands that each wait (up to 10 s) until all five have started "
        f"never all ran at the same time (run_all returned {result.value!r}): up to `limit` "
        "commands may run at once, so with five free slots all five start at once. Use `limit` "
        "itself, with no cap of your own (such as os.cpu_count()).",
    )


# The child notes (in the file argv[1]) the name of its parent, when that is not argv[2].
PARENT = (
    "import os, sys\n"
    "parent = os.getppid()\n"
    "if parent != int(sys.argv[2]):\n"
    "    try: name = open(f'/proc/{parent}/comm').read().strip()\n"
    "    except OSError: name = '?'\n"
    "    open(sys.argv[1], 'w').write(name or '?')\n"
)


# Checked last: earlier wrong answers fail the checks above first.
def test_no_shell_between(kata: kit.Kata, tmp_path: Path) -> None:
    """The command's parent process is the grading process: it was started with
    create_subprocess_exec, not through a shell (even with its list quoted by shlex.join)."""
    run_all = kata.get("run_all", "coroutine")
    note = tmp_path / "parent"
    cmds = [subprocesses.python(PARENT, str(note), str(os.getpid()))]
    result = kata.run(lambda: run_all(cmds, 1), clock="real", limit=10.0, what="run_all")
    kit.expect_equal(result.value, [0], "run_all of 1 command exiting with 0, limit 1")
    parent = note.read_text() if note.exists() else ""
    kit.expect(
        not parent,
        f"a command run by run_all(cmds, 1) had the process {parent!r} as its parent, not your "
        "program: it was started through that process (a shell?), so `limit` bounds shells, "
        "not the commands. Pass the list to `asyncio.create_subprocess_exec(*cmd)`, never a "
        "string to create_subprocess_shell (even one quoted with shlex.join).",
    )


def test_calls_at_once_have_a_limit_each(kata: kit.Kata, tmp_path: Path) -> None:
    """run_all([waiter], 1) and run_all([toucher], 1) at the same time: the waiter waits for
    the file the toucher creates, so both run at once (each call its own slot)."""
    run_all = kata.get("run_all", "coroutine")
    go = str(tmp_path / "go")
    waiter, toucher = [subprocesses.python(WAITER, go)], [subprocesses.python(TOUCHER, go)]

    async def both() -> Any:
        return await asyncio.gather(run_all(waiter, 1), run_all(toucher, 1))

    what = "run_all([a command], 1) and run_all([another command], 1) at the same time"
    result = kata.run(both, clock="real", limit=20.0, what=what)
    kit.expect(
        result.value == [[0], [0]],
        f"{what}: the first call's command waited (up to 8 s) for the second call's command "
        f"to run, and run_all returned {result.value!r} (expected [[0], [0]]): the second "
        "call's command never started while the first held its slot. Each call has its own "
        "limit: make the semaphore inside run_all, afresh for each call (not shared by calls: "
        "not at module level, nor kept per limit).",
    )
