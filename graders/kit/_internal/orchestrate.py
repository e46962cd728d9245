"""Grading orchestration: run the graders in pytest processes and fold their records into grades.

A track runs in a separate process, tracks run in parallel on the available cores, and a
kata whose code takes its process down (``os._exit``, a segfault) is graded again on its
own, so it costs that kata alone. This process never runs learner code.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .data import CheckRecord, KataResult, Status
from .manifest import KataInfo
from .paths import REPO, display, kata_of
from .recorder import read_report

# A kata earns its points only when every check passes, and the scoreboard shows the first
# failure: after it, the kata's other checks are skipped (KATAS_ALL_CHECKS=1 runs them all).
FAIL_FAST = not os.environ.get("KATAS_ALL_CHECKS")
PROCESS_TIMEOUT = 600  # real seconds for one pytest process: the last guard
# Real seconds for one grader test (pytest-timeout); KATAS_TEST_TIMEOUT overrides it.
TEST_TIMEOUT = float(os.environ.get("KATAS_TEST_TIMEOUT", "30"))


@dataclass
class Batch:
    """What one pytest process reported."""

    collected: list[str]
    records: list[CheckRecord]
    output: str
    code: int

    def of(self, entry: KataInfo) -> list[CheckRecord]:
        """The records of one kata."""
        return [r for r in self.records if r["kata"] == entry.id]

    def complete(self, entry: KataInfo) -> bool:
        """True when every collected test of ``entry`` has an outcome."""
        wanted = {n for n in self.collected if kata_of(n) == entry.id}
        return bool(wanted) and wanted <= {r["nodeid"] for r in self.of(entry)}


def _pytest(entries: list[KataInfo], target: Path, workdir: Path, verbose: bool) -> Batch:
    """Run the graders of ``entries`` in one pytest process."""
    report = Path(tempfile.mkstemp(suffix=".jsonl", dir=workdir)[1])
    cmd = [
        *(sys.executable, "-m", "pytest", *(str(e.grader) for e in entries)),
        *(f"--target={target}", f"--kata-report={report}", f"--timeout={TEST_TIMEOUT:g}"),
        *("-p", "no:randomly", "-q", "--no-header", "--continue-on-collection-errors"),
        *(("--kata-fail-fast",) if FAIL_FAST else ()),
        "--tb=short" if verbose else "--tb=line",
    ]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    if verbose:
        env["KATAS_VERBOSE"] = "1"
    try:
        proc = subprocess.run(
            cmd,
            cwd=REPO,
            capture_output=True,
            text=True,
            errors="replace",
            env=env,
            timeout=PROCESS_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        output, code = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired:
        output, code = f"stopped after {PROCESS_TIMEOUT} s", -signal.SIGKILL
    return Batch(*read_report(report), output, code)


def _died(code: int) -> str:
    """A sentence for a grader process that ended before grading a kata."""
    if code < 0:
        name = signal.Signals(-code).name
        cause = {
            "SIGSEGV": "a crash in C code (segmentation fault), e.g. through ctypes",
            "SIGKILL": "it was killed: out of memory, or it ran past the grading time",
            "SIGABRT": "a crash in C code (abort)",
        }.get(name, "a signal")
        return f"the grader process died ({name}) while running your code: {cause}."
    return (
        f"the grader process ended early (exit code {code}) while running your code: "
        "os._exit(), a crash in C code, or running out of memory?"
    )


def _summarise(entry: KataInfo, batch: Batch) -> KataResult:
    """Fold a kata's test records into pass / fail / not started and one message."""
    mine = batch.of(entry)
    failed = [r for r in mine if r["outcome"] == "failed"]
    if not any(kata_of(n) == entry.id for n in batch.collected) and batch.code in (0, 1, 5):
        return KataResult(
            entry, Status.FAIL, "the grader found no tests to run", mine, batch.output
        )
    if not batch.complete(entry) and not failed:
        return KataResult(entry, Status.FAIL, _died(batch.code), mine, batch.output)
    if not failed:
        return KataResult(entry, Status.PASS, "", mine, batch.output)
    started = next((r for r in failed if r["not_started"]), None)
    if started:
        return KataResult(entry, Status.NOT_STARTED, started["message"], mine, batch.output)
    return KataResult(entry, Status.FAIL, failed[0]["message"], mine, batch.output)


def _grade_group(
    group: list[KataInfo], target: Path, workdir: Path, verbose: bool
) -> list[KataResult]:
    """Grade katas in one process; if it dies, grade the kata it died on alone and go on."""
    results: dict[str, KataResult] = {}
    pending = group
    while pending:
        batch = _pytest(pending, target, workdir, verbose)
        collected = {kata_of(n) for n in batch.collected}
        for entry in pending:
            if batch.complete(entry) or entry.id not in collected or len(pending) == 1:
                results[entry.id] = _summarise(entry, batch)
        pending = [e for e in pending if e.id not in results]
        if pending:  # the process died on the first test without an outcome: regrade it alone
            done = {r["nodeid"] for r in batch.records}
            first = next((kata_of(n) for n in batch.collected if n not in done), None)
            culprit = next((e for e in pending if e.id == first), pending[0])
            pending.remove(culprit)
            results[culprit.id] = _summarise(culprit, _pytest([culprit], target, workdir, verbose))
    return [results[e.id] for e in group]


def grade(
    entries: list[KataInfo],
    target: Path,
    *,
    verbose: bool = False,
    jobs: int | None = None,
    per_track: bool = True,
) -> list[KataResult]:
    """Grade ``entries`` against ``target`` and return results in the order given.

    With ``per_track`` each track runs in its own process, ``jobs`` at a time (default: two
    per core, as graders often wait on real clocks); without, all katas share one process
    (cheaper when grading many submissions side by side). Either way a kata that kills its
    process is regraded alone.
    """
    results: dict[str, KataResult] = {}
    groups: dict[str, list[KataInfo]] = {}
    for entry in entries:
        if not entry.grader.is_file():
            results[entry.id] = KataResult(
                entry, Status.FAIL, f"no grader yet at {display(entry.grader)}"
            )
            continue
        groups.setdefault(entry.track if per_track else "all", []).append(entry)
    workdir = Path(tempfile.mkdtemp(prefix="katas-grade-"))
    try:
        with ThreadPoolExecutor(max_workers=jobs or 2 * (os.cpu_count() or 1)) as pool:
            for group in pool.map(
                lambda g: _grade_group(g, target, workdir, verbose), groups.values()
            ):
                results.update({r.info.id: r for r in group})
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return [results[e.id] for e in entries]
