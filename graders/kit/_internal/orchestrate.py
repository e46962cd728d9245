"""Grading orchestration: run the graders in pytest processes and decide the points here.

This process never runs learner code, and it alone decides a grade:

- **What must pass** comes from a clean collection of the graders (``pytest --collect-only``,
  which loads no learner code), made before any learner code runs and cached per grader
  digest.
- **What passed** comes over a pipe this process owns: the grader process (see recorder.py)
  sends a signed, numbered message as each check starts and ends. A kata passes only when
  each of its expected checks reported "passed" before the process ended. A skip, an
  xfail, an unknown, duplicate, unsigned or late message, or a missing one, fails the kata
  with its own sentence. No result file exists for a submission to rewrite.
- **Where** learner code runs: a private tree per ``grade()`` call, in namespaces as an
  unprivileged uid where the machine allows (see isolation.py).
- **How long**: each kata has a hard budget of real time (KATAS_KATA_BUDGET, 60 s),
  enforced from here by killing the grader process and everything it started; the katas
  after the one that ran over are graded again in a new process. Once a kata has run over,
  or its katas have taken KATAS_ARM_AFTER (150 s) in all, summed over its processes (code
  that burns time in every kata, each under its budget; a process that died before its
  session's end is charged its start-up too), the whole ``grade()`` call gets a
  deadline too (KATAS_SUBMISSION_BUDGET, 160 s from its start), so that a hostile
  submission finishes in under 3 minutes while an honest one, even on a machine many
  times slower than one that grades the reference solutions in 25 s of kata time, is not
  cut short. A kata whose code takes its process
  down (``os._exit``, a segfault) is graded again on its own (unless it was the first kata of
  its process), so it costs that kata alone.
"""

from __future__ import annotations

import functools
import os
import secrets
import select
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import collected, extra, flags, integrity, isolation
from .channel import open_message
from .data import CheckRecord, KataResult, Status
from .hygiene import for_terminal
from .learn import pristine_stubs
from .manifest import KataInfo
from .paths import GRADERS, REPO, display, kata_of

# A kata earns its points only when every check passes, and the scoreboard shows the first
# failure: after it, the kata's other checks are skipped (KATAS_ALL_CHECKS=1 runs them all).
FAIL_FAST = not os.environ.get("KATAS_ALL_CHECKS")
# Real seconds for one grader test (pytest-timeout, inside); KATAS_TEST_TIMEOUT overrides it.
TEST_TIMEOUT = float(os.environ.get("KATAS_TEST_TIMEOUT", "30"))
# Real seconds one kata may take, enforced from outside by killing its process.
KATA_BUDGET = float(os.environ.get("KATAS_KATA_BUDGET", "60"))
# Real seconds one grade() call (one submission) may take in all, once its deadline is armed.
SUBMISSION_BUDGET = float(os.environ.get("KATAS_SUBMISSION_BUDGET", "160"))
# Real seconds of kata time (what a grade() call's processes spent on its katas, summed) that
# arm its deadline: the reference solutions take about 25 s in all (10 s of wall time) on 2 cores.
ARM_AFTER = float(os.environ.get("KATAS_ARM_AFTER", "150"))
# What the kit's graders do without, in each grader process: they say what is wrong with
# kit.fail, not bare asserts, so no assertion rewriting; and the only pytest plugin they
# use is pytest-timeout (extra.NO_AUTOLOAD in their environment: see extra.PLUGINS).
# Instructors' own tests (--extra-tests) are plain pytest and may use more: their processes
# keep both.
LEAN = ("--assert=plain", *extra.PLUGINS)
END_GRACE = 5.0  # real seconds a grader process may take to exit once its session ended
OUTPUT_KEEP = 20_000  # bytes of a grader process's own output kept (for -v)
# A line on the result channel is a record of a few kB (its output cut at 2,000 characters,
# its timeline at 400 rows): a longer one is not the grader's, and is not kept whole (a
# grader process that wrote gigabytes without a newline filled this process's memory).
LINE_LIMIT = 1 << 24
UNSIGNED_KEPT = 1_000  # unsigned lines kept per process: one already fails its kata


def _collect(graders: list[Path]) -> dict[str, list[str]]:
    """Kata id -> the check ids of its grader, from ``pytest --collect-only`` in a clean
    process (no learner code), run on a copy of graders/ without bytecode: nothing planted
    in graders/ is read, while the installed packages' own bytecode is (compiling pytest
    and aiohttp from source cost a second a collection). With the grader processes' LEAN
    options: the same check ids, in 0.6 s of CPU time instead of 1.5 s (measured: assertion
    rewriting and the Hypothesis plugin cost the rest)."""
    with tempfile.TemporaryDirectory(prefix="katas-collect-") as tmp:
        isolation.copy_graders(Path(tmp))
        cmd = [
            *(sys.executable, "-s", "-m", "pytest", "--collect-only", "-q", "--no-header"),
            *("-p", "no:randomly", "-p", "no:cacheprovider", *LEAN),
            *(str(Path(tmp) / g.relative_to(REPO)) for g in graders),
        ]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
        env.update(
            PYTHONPATH=str(Path(tmp) / "graders"), PYTHONDONTWRITEBYTECODE="1", **extra.NO_AUTOLOAD
        )
        proc = subprocess.run(
            cmd, cwd=tmp, capture_output=True, text=True, errors="replace", env=env, timeout=600
        )
    found: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        if line.startswith("graders/") and "::" in line:
            found.setdefault(kata_of(line), []).append(line.strip())
    return found


def expected_checks(entries: list[KataInfo]) -> dict[str, list[str]]:
    """Kata id -> check ids that must pass, collected once per grader digest (see
    collected.py). With the disk cache, every grader is collected at once (whatever the
    katas asked for, so any selection reuses it); without isolation there is no disk cache
    (a grader process could write it), and only the graders asked for are collected, which
    is quicker for one kata."""
    everything = isolation.mode() != "none"
    graders = sorted(
        {*(GRADERS.glob("*/test_*.py") if everything else ()), *(e.grader for e in entries)}
    )
    graders = [g for g in graders if g.is_file()]
    key = integrity.digest() + "|" + sys.executable + "|" + ",".join(map(str, graders))
    found = collected.cached(key, lambda: _collect(graders))
    return {e.id: list(found.get(e.id, [])) for e in entries}


class Deadline:
    """The end of a grade() call's SUBMISSION_BUDGET, armed once one of its katas ran past
    KATA_BUDGET or its katas took ARM_AFTER seconds in all: an honest submission is not cut
    short; a hostile one costs one kata's budget (or ARM_AFTER), then at most what is left
    of the whole."""

    def __init__(self, when: float) -> None:
        self.when, self.armed = when, False
        self.spent = 0.0  # real seconds the call's grader processes spent on katas, summed
        self._lock = threading.Lock()  # one grade() call watches its processes from threads

    def arm(self) -> None:
        """From now on, at() is the real deadline."""
        self.armed = True

    def charge(self, seconds: float) -> None:
        """Add ``seconds`` one grader process spent on katas (or, when it never reached its
        end, on anything); arm the deadline past ARM_AFTER."""
        with self._lock:
            self.spent += seconds
            if self.spent > ARM_AFTER:
                self.armed = True

    def at(self) -> float:
        """The deadline (infinitely far until armed)."""
        return self.when if self.armed else float("inf")


@dataclass
class Message:
    """One message from a grader process, as it arrived."""

    arrived: float
    data: dict[str, Any] | None  # None: not signed with this process's key


@dataclass
class Batch:
    """What one grader process reported, judged here."""

    records: list[CheckRecord]  # accepted outcomes, in order
    current: str | None  # the kata whose check started last
    ended: bool  # the session-end message came
    code: int
    output: str
    over_budget: str | None = None  # the kata killed for running past KATA_BUDGET
    out_of_time: bool = False  # killed at the grade() call's deadline
    forged: set[str] = field(default_factory=set)  # katas during which a bad message came
    late: bool = False  # a signed message came after the end
    noise: bool = False  # an unsigned or out-of-order message came after the end
    left: list[int] = field(default_factory=list)  # processes found alive after the end
    tampered: str | None = None  # the kata after whose report the process was ended
    katas: int = 0  # how many katas started in this process


def _reader(fd: int, messages: list[Message], key: bytes, lock: threading.Lock) -> None:
    """Read the result channel: a message per line, at most LINE_LIMIT bytes of a line kept
    (what is longer is read to its end and dropped, a message that is not the grader's), and
    at most UNSIGNED_KEPT unsigned ones (a flood of empty lines filled memory as well)."""
    unsigned = 0
    with os.fdopen(fd, "rb") as handle:
        while line := handle.readline(LINE_LIMIT):
            data = None
            if line.endswith(b"\n") or len(line) < LINE_LIMIT:
                data = open_message(line, key)
            else:
                while (rest := handle.readline(LINE_LIMIT)) and not rest.endswith(b"\n"):
                    pass
            if data is None:
                unsigned += 1
                if unsigned > UNSIGNED_KEPT:
                    continue
            message = Message(time.monotonic(), data)
            with lock:
                messages.append(message)


class Tail:
    """A grader process's own output (stdout and stderr), through a pipe read here: only its
    last OUTPUT_KEEP bytes are kept. (A temporary file held all of it: a grader process that
    wrote gigabytes to the copy of its stdout pytest keeps filled the grading machine's disk.)"""

    def __init__(self) -> None:
        self.read, self.write = os.pipe()
        self.kept = bytearray()
        self.thread = threading.Thread(target=self._drain, daemon=True, name="katas-output")
        self.thread.start()

    def _drain(self) -> None:
        with os.fdopen(self.read, "rb", buffering=0) as pipe:
            while chunk := pipe.read(1 << 16):
                self.kept += chunk
                if len(self.kept) > 2 * OUTPUT_KEEP:
                    del self.kept[:-OUTPUT_KEEP]

    def close(self) -> None:
        """Close this side's write end (the grader process holds its own, or never started);
        the output ends when every end is closed."""
        if self.write >= 0:
            os.close(self.write)
            self.write = -1

    def text(self, timeout: float = 5.0) -> str:
        """The last OUTPUT_KEEP bytes, once the output ended (or ``timeout`` seconds passed:
        what the grader process started is killed by then, so its end is closed)."""
        self.close()
        self.thread.join(timeout=timeout)
        return bytes(self.kept[-OUTPUT_KEEP:]).decode("utf-8", "replace")


# util-linux 2.38's unshare cannot pass a SIGKILL of its child on (signal(SIGKILL) fails):
# it prints this as its last line and exits 1 instead.
UNSHARE_KILLED = "unshare: sigprocmask unblock failed"


def exit_code(code: int, output: str) -> int:
    """A grader process's exit code, with unshare's failure to pass on a SIGKILL undone."""
    if code == 1 and UNSHARE_KILLED in output.rstrip("\n").rpartition("\n")[2]:
        return -signal.SIGKILL
    return code


@dataclass
class Started:
    """A grader process on its way, and what the parent needs to judge it."""

    box: isolation.Sandbox
    proc: subprocess.Popen[bytes]
    messages: list[Message]
    lock: threading.Lock
    reader: threading.Thread
    out: Tail  # its output
    hold: int | None  # write end of its "go" pipe while it waits, else None

    def release(self) -> None:
        """Let a held process run its checks. (If it died waiting, it is judged like any
        process that ended early: its katas are graded again in a new one.)"""
        if self.hold is not None:
            try:
                os.write(self.hold, b"g")
            except OSError:
                pass
            os.close(self.hold)
            self.hold = None

    def discard(self) -> None:
        """End a process started ahead that will not be judged, and remove its sandbox
        (it has one to itself)."""
        if self.hold is not None:
            os.close(self.hold)
            self.hold = None
        isolation.kill(self.proc)
        self.box.cleanup_processes(self.proc, grace=0)
        self.out.close()
        self.box.remove()


def _start(
    entries: list[KataInfo], box: isolation.Sandbox, verbose: bool, hold: bool = False
) -> Started:
    """Start the graders of ``entries`` in one grader process in ``box``. With ``hold``, it
    loads pytest and the graders, then waits for ``release()`` before any check runs."""
    write, read = os.pipe()[::-1]
    key_read, key_write = os.pipe()
    key = secrets.token_bytes(32)
    os.write(key_write, key)
    os.close(key_write)
    go_read, go_write = os.pipe() if hold else (None, None)
    instructors = any(e.id.startswith(f"{extra.TRACK}/") for e in entries)
    cmd = [
        # -P: no module from its working folder (where an earlier process may have written)
        *(sys.executable, "-s", "-P", "-m", "pytest"),
        *(str(box.root / e.grader.relative_to(REPO)) for e in entries),
        *(f"--rootdir={box.root}", "-c", str(box.root / "pyproject.toml")),
        *(f"--target={box.target}", f"--kata-channel={write},{key_read}"),
        *(f"--timeout={TEST_TIMEOUT:g}", "-p", "no:randomly", "-p", "no:cacheprovider"),
        *("-q", "--no-header", "--continue-on-collection-errors"),
        *(("--kata-fail-fast",) if FAIL_FAST else ()),
        *((f"--kata-hold={go_read}",) if go_read is not None else ()),
        *(() if instructors else LEAN),
        "--tb=short" if verbose else "--tb=line",
    ]
    if verbose:
        cmd.append("-v")
    messages: list[Message] = []
    lock = threading.Lock()
    out = Tail()
    fds = (write, key_read) + ((go_read,) if go_read is not None else ())
    try:
        proc = isolation.start(
            cmd,
            box,
            {} if instructors else extra.NO_AUTOLOAD,
            pass_fds=fds,
            stdin=subprocess.DEVNULL,
            stdout=out.write,
            stderr=subprocess.STDOUT,
        )
    except BaseException:
        os.close(read)
        if go_write is not None:
            os.close(go_write)
        raise
    finally:
        out.close()
        for fd in fds:
            os.close(fd)
    reader = threading.Thread(
        target=_reader, args=(read, messages, key, lock), daemon=True, name="katas-channel"
    )
    reader.start()
    return Started(box, proc, messages, lock, reader, out, go_write)


def _finish(started: Started, deadline: Deadline) -> Batch:
    """Release ``started`` if it waits, watch it to its end and judge its messages."""
    started.release()
    proc, out, lock = started.proc, started.out, started.lock
    batch = _watch(proc, started.messages, lock, deadline)
    isolation.kill(proc)
    batch.left = started.box.cleanup_processes(proc)
    started.reader.join(timeout=5)
    text = out.text()
    batch.code = exit_code(batch.code, text)
    batch.output = for_terminal(text, newlines=True)
    with lock:
        _judge(batch, started.messages)
    return batch


def _run(
    entries: list[KataInfo], box: isolation.Sandbox, verbose: bool, deadline: Deadline
) -> Batch:
    """Run the graders of ``entries`` in one grader process in ``box``; judge its messages."""
    return _finish(_start(entries, box, verbose), deadline)


def _pidfd(proc: subprocess.Popen[bytes]) -> int | None:
    """A file descriptor that becomes readable when ``proc`` ends (Linux 5.3+), else None."""
    try:
        return os.pidfd_open(proc.pid)
    except (AttributeError, OSError):
        return None


def _wait_a_little(proc: subprocess.Popen[bytes], pidfd: int | None, seconds: float) -> int | None:
    """``proc``'s exit code once it ends within ``seconds``, else None. On its pidfd this
    wakes once (poll, not select: no limit on the fd's number); ``Popen.wait`` with a timeout
    polls about 80 times a second, and a gradebook watches eight grader processes at once."""
    if pidfd is not None:
        waiter = select.poll()
        waiter.register(pidfd, select.POLLIN)
        waiter.poll(seconds * 1000)
        return proc.poll()
    try:
        return proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return None


def _watch(
    proc: subprocess.Popen[bytes], messages: list[Message], lock: threading.Lock, deadline: Deadline
) -> Batch:
    """Wait for the grader process, killing it past a kata's budget, past the deadline, or
    when it lingers after its session ended (a hang in pytest's final garbage collection)."""
    batch = Batch([], None, False, 0, "")
    started: dict[str, float] = {}
    seen = 0
    end_at: float | None = None
    pidfd = _pidfd(proc)
    born = last = time.monotonic()
    charged = 0.0
    try:
        while (code := _wait_a_little(proc, pidfd, 0.1)) is None:
            now = time.monotonic()
            if batch.current:  # a kata has started in this process: its time is kata time
                deadline.charge(now - last)
                charged += now - last
            last = now
            with lock:
                fresh, seen = messages[seen:], len(messages)
            for m in fresh:
                if m.data and m.data.get("kind") == "start" and isinstance(m.data.get("data"), str):
                    kata = kata_of(m.data["data"])
                    started.setdefault(kata, m.arrived)
                    batch.katas = len(started)
                    batch.current = kata
                elif m.data and m.data.get("kind") == "end":
                    end_at = end_at or m.arrived
                elif m.data and m.data.get("kind") == "tampered":
                    batch.tampered = str(m.data.get("data"))
            if batch.tampered:
                isolation.kill(proc)
            if end_at is not None and now - end_at > END_GRACE:
                isolation.kill(proc)
            elif batch.current and now - started[batch.current] > KATA_BUDGET:
                batch.over_budget = batch.current
                deadline.arm()
                isolation.kill(proc)
            elif now > deadline.at():
                batch.out_of_time = True
                isolation.kill(proc)
    finally:
        if pidfd is not None:
            os.close(pidfd)
        if end_at is None:
            # A process that never reached its end is charged its start-up too: a submission
            # whose every kata ended its process at once spent nothing in katas, and took 11
            # minutes in 96 processes, the deadline never armed. (An honest process's start-up
            # is not charged: the margin is for slow machines.)
            deadline.charge(time.monotonic() - born - charged)
    batch.code = code
    return batch


def _judge(batch: Batch, messages: list[Message]) -> None:
    """Accept the messages that are signed, in sequence and before the session's end; note
    the rest. A bad message fails the kata that was running; after the end, when every
    kata's outcome is in, it only is noted (an atexit handler of one kata must not fail
    the katas graded before it). Nothing can write once the process has ended: what it
    started is killed."""
    seq, current = 0, None
    for m in messages:
        data = m.data
        if data is None or data.get("seq") != seq + 1:
            if batch.ended:
                batch.noise = True
            else:
                batch.forged.add(current or "")
            continue
        seq += 1
        if batch.ended:
            batch.late = True
            continue
        kind = data.get("kind")
        if kind == "tampered":
            break  # what came after is not trusted: those katas are graded again
        if kind == "end":
            batch.ended = True
        elif kind == "start" and isinstance(data.get("data"), str):
            current = kata_of(data["data"])
        elif kind == "record" and isinstance(data.get("data"), dict):
            batch.records.append(_clean(data["data"]))


def _clean(record: dict[str, Any]) -> CheckRecord:
    """A record with every string a submission could shape made safe to show."""
    fields: dict[str, Any] = {
        "nodeid": str(record.get("nodeid", "")),
        "kata": str(record.get("kata", "")),
        "test": str(record.get("test", "")),
        "doc": for_terminal(str(record.get("doc", ""))),
        "when": str(record.get("when", "")),
        "outcome": str(record.get("outcome", "")),
        "duration": float(record.get("duration", 0.0) or 0.0),
        "message": for_terminal(str(record.get("message", ""))),
        "not_started": bool(record.get("not_started", False)),
        "virtual_loop_seconds": float(record.get("virtual_loop_seconds", 0.0) or 0.0),
        "virtual_wall_seconds": float(record.get("virtual_wall_seconds", 0.0) or 0.0),
        "output": for_terminal(str(record.get("output", "")), newlines=True, tabs=True),
    }
    if isinstance(record.get("timeline"), dict):
        fields["timeline"] = _safe(record["timeline"])
    return fields  # type: ignore[return-value]


def _safe(value: Any) -> Any:
    """A JSON value with every string made safe to show."""
    if isinstance(value, str):
        return for_terminal(value)
    if isinstance(value, dict):
        return {for_terminal(str(k)): _safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_safe(v) for v in value]
    return value


SKIPPED = (
    "the check {test} was skipped, not passed ({why}): code under grading must not skip "
    "or xfail the grader's checks (pytest.skip, pytest.xfail)"
)


def _died(code: int, output: str = "") -> str:
    """A sentence for a grader process that ended before grading a kata (``output``: its
    own, where the sandbox says what it could not do)."""
    if code == isolation.SANDBOX_FAILED:
        said = [line for line in output.splitlines() if line.startswith("katas sandbox: ")]
        why = f" ({said[-1].removeprefix('katas sandbox: ')})" if said else ""
        return (
            f"not graded: the grading sandbox could not be set up{why} (a problem of the "
            "grading machine, not of this code; see the output with -v)"
        )
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        cause = {
            "SIGSEGV": "a crash in C code (segmentation fault), e.g. through ctypes",
            "SIGKILL": "it was killed: out of memory, or it ran past the grading time",
            "SIGABRT": "a crash in C code (abort)",
            "SIGBUS": (
                "most likely a memory-mapped file (mmap) read where the file had nothing to "
                "give: a file cut short while mapped, or a temporary folder that is full"
            ),
        }.get(name, "a signal")
        return f"the grader process died ({name}) while running your code: {cause}."
    return (
        f"the grader process ended early (exit code {code}) while running your code: "
        "os._exit(), a crash in C code, or running out of memory?"
    )


def _decide(entry: KataInfo, expected: list[str], batch: Batch) -> KataResult | None:
    """The grade of ``entry`` from ``batch``, or None when the process ended before the
    kata was decided (then it is graded again)."""
    mine = [r for r in batch.records if r["kata"] == entry.id]
    output = batch.output
    if entry.id in batch.forged or "" in batch.forged:  # "": before any check began
        return KataResult(
            entry,
            Status.FAIL,
            "a message on the grader's result channel was not the grader's (forged or "
            "garbled) while this kata ran: grading trusts only the grader's own reports",
            mine,
            output,
        )
    seen: set[tuple[str, str]] = set()
    for i, record in enumerate(mine):
        name = record["test"] or record["nodeid"]
        if record["nodeid"] not in expected:
            why = f"a report for a check the graders do not have ({for_terminal(name)})"
            return KataResult(entry, Status.FAIL, why + " came while your code ran", mine, output)
        if (record["nodeid"], record["when"]) in seen:
            return KataResult(
                entry,
                Status.FAIL,
                f"the check {name} reported twice: grading trusts one report per check",
                mine,
                output,
            )
        seen.add((record["nodeid"], record["when"]))
        if record["outcome"] == "failed":
            status = Status.NOT_STARTED if record["not_started"] else Status.FAIL
            return KataResult(entry, status, record["message"], mine[: i + 1], output)
        if record["outcome"] in ("skipped", "xfailed", "xpassed"):
            why = record["message"] or record["outcome"]
            sentence = SKIPPED.format(test=name, why=for_terminal(why)[:200])
            return KataResult(entry, Status.FAIL, sentence, mine, output)
    passed = {r["nodeid"] for r in mine if r["when"] == "call" and r["outcome"] == "passed"}
    missing = [n for n in expected if n not in passed]
    if not missing:
        if batch.ended or batch.current != entry.id:  # done, and its process went on
            return KataResult(entry, Status.PASS, "", mine, output)
        return None  # passed, then the process died: graded again
    if batch.over_budget == entry.id:
        return _over_budget(entry, batch)
    if batch.ended and batch.late:
        return KataResult(
            entry,
            Status.FAIL,
            "a report for this kata came after the grader process had ended: code under "
            "grading may not report results",
            mine,
            output,
        )
    if batch.ended:
        return KataResult(
            entry,
            Status.FAIL,
            f"the check {missing[0].split('::')[-1]} reported no outcome although the grader "
            "process finished: code under grading may not stop the grader's reports",
            mine,
            output,
        )
    return None


def _over_budget(entry: KataInfo, batch: Batch) -> KataResult:
    return KataResult(
        entry,
        Status.FAIL,
        f"your code ran for more than {KATA_BUDGET:g} s of real time in all and was stopped "
        "from outside: an endless loop that ignores timeouts and signals?",
        [r for r in batch.records if r["kata"] == entry.id],
        batch.output,
    )


def _out_of_time(entry: KataInfo) -> KataResult:
    return KataResult(
        entry,
        Status.FAIL,
        f"not graded: grading this folder used up its {SUBMISSION_BUDGET:g} s of real time "
        "on earlier katas",
    )


def _grade_group(
    group: list[KataInfo],
    box: isolation.Sandbox,
    expected: dict[str, list[str]],
    verbose: bool,
    deadline: Deadline,
    first: Started | None = None,
) -> list[KataResult]:
    """Grade katas in one process (``first``, when one was started ahead); when it ends
    early, decide the kata it ended on (alone, if it died) and grade the rest again."""
    results: dict[str, KataResult] = {}
    seen: dict[str, list[str]] = {}  # kata id -> what grading saw, as flags
    pending = list(group)
    retried = False
    while pending:
        if time.monotonic() > deadline.at():
            results.update({e.id: _out_of_time(e) for e in pending})
            break
        if first is not None:
            batch, first = _finish(first, deadline), None
        else:
            batch = _run(pending, box, verbose, deadline)
        if batch.code == isolation.SANDBOX_FAILED and batch.current is None and not retried:
            # Its sandbox failed before any kata started (seen once in CI, under load): the
            # machine's problem, not the code's, so once more in a fresh process.
            retried = True
            continue
        _note(batch, seen)
        undecided = []
        for entry in pending:
            result = _decide(entry, expected[entry.id], batch)
            if result is None:
                undecided.append(entry)
            else:
                results[entry.id] = result
        if not undecided:
            break
        if batch.tampered in results:  # decided: grade the others in a fresh process
            pending = undecided
            continue
        culprit = next((e for e in undecided if e.id == batch.current), undecided[0])
        undecided.remove(culprit)
        if batch.out_of_time:
            results[culprit.id] = _out_of_time(culprit)
        elif batch.over_budget == culprit.id:
            results[culprit.id] = _over_budget(culprit, batch)
        elif len(pending) == 1 or (
            batch.current == culprit.id and batch.katas == 1 and _died_in(culprit, expected, batch)
        ):  # alone, or the first kata of a fresh process: no other kata's code ran in it
            results[culprit.id] = KataResult(
                culprit, Status.FAIL, _died(batch.code, batch.output), batch.records, batch.output
            )
        else:  # it died on this kata: grade it alone, so it costs this kata only
            alone = _run([culprit], box, verbose, deadline)
            _note(alone, seen)
            result = _decide(culprit, expected[culprit.id], alone)
            if result is None and alone.out_of_time:
                result = _out_of_time(culprit)
            elif result is None and alone.over_budget == culprit.id:
                result = _over_budget(culprit, alone)
            results[culprit.id] = result or KataResult(
                culprit, Status.FAIL, _died(alone.code, alone.output), alone.records, alone.output
            )
        pending = undecided
    for kata_id, notes in seen.items():
        if kata_id in results:
            results[kata_id].flags += [n for n in notes if n not in results[kata_id].flags]
    return [results[e.id] for e in group]


def _died_in(entry: KataInfo, expected: dict[str, list[str]], batch: Batch) -> bool:
    """Whether ``batch``'s process ended before every check of ``entry`` had passed."""
    passed = {
        r["nodeid"]
        for r in batch.records
        if r["kata"] == entry.id and r["when"] == "call" and r["outcome"] == "passed"
    }
    return any(n not in passed for n in expected[entry.id])


def _note(batch: Batch, seen: dict[str, list[str]]) -> None:
    """What a grader process did that a human should know of, as flags of its kata."""
    kata = batch.current or ""
    if batch.left:
        seen.setdefault(kata, []).append(
            f"{len(batch.left)} process(es) still running as the submission after its "
            "grader process ended (killed)"
        )
    if batch.late:
        seen.setdefault(kata, []).append("a signed report came after the session ended")
    if batch.noise:
        seen.setdefault(kata, []).append(
            "unsigned or out-of-order messages on the result pipe after the session ended"
        )
    if batch.forged:
        seen.setdefault(kata, []).append("unsigned or out-of-order messages on the result pipe")


# A real-clock kata (threads, subprocesses, sockets) waits about as long as this many
# virtual-time katas take to grade (measured on the solutions: about 1.5 s against 0.07 s).
REAL_CLOCK_WEIGHT = 20


@functools.cache
def _real_clock(grader: Path) -> bool:
    """Whether a grader runs real-clock scenarios; read once per process (it only steers
    how katas are grouped and ordered, never a grade)."""
    try:
        text = grader.read_text(encoding="utf-8")
    except OSError:
        return False
    return 'clock="real"' in text or "judge(" in text


def _weight(entry: KataInfo) -> int:
    """A rough cost of grading ``entry``, from its grader's source: real clock or not."""
    return REAL_CLOCK_WEIGHT if _real_clock(entry.grader) else 1


def estimated_cost(entries: list[KataInfo], target: Path) -> int:
    """A rough cost of grading ``target``, to grade the costliest submissions first: the
    weights of its kata files that are there and are not the untouched stub (a stub fails
    at once; a real-clock kata waits for seconds). Only regular files count (a symlink is
    not graded), and a file is read only when it has the stub's size."""
    stubs = pristine_stubs()
    cost = 0
    for entry in entries:
        path = target / f"{entry.id}.py"
        try:
            if not stat.S_ISREG(path.lstat().st_mode):
                continue
            stub = stubs.get(entry.id, "").encode("utf-8")
            if path.stat().st_size == len(stub) and path.read_bytes() == stub:
                continue
        except OSError:
            continue
        cost += _weight(entry)
    return cost


def _chunks(
    entries: list[KataInfo], groups: int, waits_first: bool = False
) -> list[list[KataInfo]]:
    """``entries`` cut into at most ``groups`` groups of about the same cost (the longest
    first, each to the lightest group), each in catalogue order (with ``waits_first``, its
    real-clock katas first); instructors' own tests apart (their processes load pytest
    fully). One grader process grades each group, in that order."""
    own = [e for e in entries if e.id.startswith(f"{extra.TRACK}/")]
    ours = [e for e in entries if not e.id.startswith(f"{extra.TRACK}/")]
    bins: list[list[KataInfo]] = [[] for _ in range(max(1, min(groups, len(ours))))]
    loads = [0] * len(bins)
    order = {e.id: i for i, e in enumerate(ours)}
    for entry in sorted(ours, key=lambda e: (-_weight(e), order[e.id])):
        lightest = loads.index(min(loads))
        bins[lightest].append(entry)
        loads[lightest] += _weight(entry)
    first = -1 if waits_first else 0
    found = [sorted(b, key=lambda e: (first * _weight(e), order[e.id])) for b in bins if b]
    return found + ([own] if own else [])


def grade(
    entries: list[KataInfo],
    target: Path,
    *,
    verbose: bool = False,
    jobs: int | None = None,
    spread: bool = True,
    waits_first: bool = False,
    budget: float = SUBMISSION_BUDGET,
) -> list[KataResult]:
    """Grade ``entries`` against ``target`` and return results in the order given.

    ``target`` is copied into a private tree first (see isolation.py). With ``spread`` the
    katas are cut into ``jobs`` groups of about the same cost (default: two per core, as
    graders often wait on real clocks), graded side by side, a process each; without, all
    katas share one process (cheaper when grading many submissions side by side). Either
    way a kata that kills its process is regraded alone. With ``waits_first`` a process
    grades its real-clock katas first (the gradebook alternates, so that while some
    submissions wait on clocks, others use the CPU). ``budget`` is the call's real seconds
    once its deadline is armed (the triangle, grading the project's own files under a busy
    suite, passes infinity: each kata keeps its own KATA_BUDGET).
    """
    start = time.monotonic()
    results: dict[str, KataResult] = {}
    expected = expected_checks([e for e in entries if e.grader.is_file()])
    expected.update(extra.expected(entries))  # instructors' own tests (--extra-tests)
    runnable: list[KataInfo] = []
    for entry in entries:
        if not entry.grader.is_file() and entry.id not in expected:
            why = f"no grader yet at {display(entry.grader)}"
            results[entry.id] = KataResult(entry, Status.FAIL, why)
        elif not expected[entry.id]:
            results[entry.id] = KataResult(entry, Status.FAIL, "the grader found no tests to run")
        else:
            runnable.append(entry)
    if runnable:
        workers = jobs or 2 * (os.cpu_count() or 1)
        chunks = _chunks(runnable, workers if spread else 1, waits_first)
        ahead = _take_prepared(chunks, target, verbose)
        box = ahead.box if ahead else isolation.sandbox(target)
        found = flags.scan(box.target, [e.id for e in runnable])
        for entry in runnable:  # not copied into the sandbox: graded as missing
            path = target / f"{entry.id}.py"
            if path.is_symlink():
                found.setdefault(entry.id, []).append("the kata file is a symlink (not graded)")
            elif os.path.lexists(path) and not isolation.copied(path):
                found.setdefault(entry.id, []).append(
                    "the kata file is not a regular file of at most "
                    f"{isolation.COPY_LIMIT >> 20} MiB (not graded)"
                )
        if target.resolve() in ((REPO / "solutions").resolve(), (REPO / "exercises").resolve()):
            found = {}  # the reference itself, or the learner's own work: nothing to review
        if not ahead:
            extra.install(entries, box.root)
        deadline = Deadline(start + budget)
        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                for group in pool.map(
                    lambda g: _grade_group(g, box, expected, verbose, deadline, ahead),
                    chunks,
                ):
                    results.update({r.info.id: r for r in group})
        finally:
            box.remove()
        for kata_id, notes in found.items():
            results[kata_id].flags[:0] = notes
    return [results[e.id] for e in entries]


_prepared: dict[str, tuple[tuple[Path, tuple[str, ...], bool], Started]] = {}


def prepare(entries: list[KataInfo], target: Path, *, verbose: bool = False) -> None:
    """Start the grader process of the next ``grade(entries, target)`` now, held once pytest
    and the graders are loaded (watch mode: while the learner edits). The next ``grade()``
    of exactly these katas copies ``target`` afresh and releases it, so a save is answered
    without a start-up; any other ``grade()`` call ends it. No learner code runs before the
    release, and each prepared process is used once, in its own sandbox."""
    discard()
    runnable = [e for e in entries if e.grader.is_file()]
    if not runnable or len(runnable) != len(entries):
        return
    box = isolation.sandbox(target)
    extra.install(entries, box.root)
    try:
        started = _start(runnable, box, verbose, hold=True)
    except BaseException:
        box.remove()
        raise
    key = (target.resolve(), tuple(e.id for e in entries), verbose)
    _prepared["next"] = (key, started)


def discard() -> None:
    """End the prepared grader process, if any, and remove its sandbox."""
    item = _prepared.pop("next", None)
    if item is not None:
        item[1].discard()


def _take_prepared(chunks: list[list[KataInfo]], target: Path, verbose: bool) -> Started | None:
    """The prepared process for exactly these ``chunks`` (one) of ``target``, its copy of
    the folder refreshed; None when there is none or it does not fit (it is then ended)."""
    item = _prepared.pop("next", None)
    if item is None:
        return None
    key, started = item
    fits = len(chunks) == 1 and key == (target.resolve(), tuple(e.id for e in chunks[0]), verbose)
    if fits:
        started.box.refresh()
    if fits and started.proc.poll() is None:
        return started
    started.discard()  # it does not fit, or it died waiting: start afresh
    return None


def isolation_note() -> str:
    """A sentence for the scoreboard when grader processes are not isolated ('' when they are)."""
    return "" if isolation.mode() != "none" else isolation.NOT_ISOLATED
