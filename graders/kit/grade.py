"""The scoreboard: grade katas (each track in its own pytest process) and print one line each.

    python -m kit grade [KATA-or-TRACK ...] [--target exercises|solutions|PATH] [-v]

A track runs in a separate process, tracks run in parallel on the available cores, and a
kata whose code takes its process down (``os._exit``, a segfault) is graded again on its
own, so it costs that kata alone.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import integrity, learn, reports
from .manifest import Catalogue, Entry, catalogue
from .paths import GRADERS, REPO, display, resolve_target
from .report import kata_of, read_report

# A kata earns its points only when every check passes, and the scoreboard shows the first
# failure: after it, the kata's other checks are skipped (KATAS_ALL_CHECKS=1 runs them all).
FAIL_FAST = not os.environ.get("KATAS_ALL_CHECKS")
PROCESS_TIMEOUT = 600  # real seconds for one pytest process: the last guard
# Real seconds for one grader test (pytest-timeout); KATAS_TEST_TIMEOUT overrides it.
TEST_TIMEOUT = float(os.environ.get("KATAS_TEST_TIMEOUT", "30"))


@dataclass
class Result:
    """The grade of one kata."""

    entry: Entry
    status: str  # "pass", "fail" or "not started"
    message: str = ""
    tests: list[dict[str, Any]] = field(default_factory=list)
    output: str = ""  # pytest's own output, shown with -v

    @property
    def score(self) -> int:
        """Points earned: all of them for a pass, none otherwise."""
        return self.entry.points if self.status == "pass" else 0


@dataclass
class Batch:
    """What one pytest process reported."""

    collected: list[str]
    records: list[dict[str, Any]]
    output: str
    code: int

    def of(self, entry: Entry) -> list[dict[str, Any]]:
        """The records of one kata."""
        return [r for r in self.records if r["kata"] == entry.id]

    def complete(self, entry: Entry) -> bool:
        """True when every collected test of ``entry`` has an outcome."""
        wanted = {n for n in self.collected if kata_of(n) == entry.id}
        return bool(wanted) and wanted <= {r["nodeid"] for r in self.of(entry)}


def grader_file(entry: Entry) -> Path:
    """Where the grader of ``entry`` lives."""
    return GRADERS / entry.track / f"test_{entry.name}.py"


def _pytest(entries: list[Entry], target: Path, workdir: Path, verbose: bool) -> Batch:
    """Run the graders of ``entries`` in one pytest process."""
    report = Path(tempfile.mkstemp(suffix=".jsonl", dir=workdir)[1])
    cmd = [
        *(sys.executable, "-m", "pytest", *(str(grader_file(e)) for e in entries)),
        *(f"--target={target}", f"--kata-report={report}", f"--timeout={TEST_TIMEOUT:g}"),
        *("-p", "no:randomly", "-q", "--no-header", "--continue-on-collection-errors"),
        *(("--kata-fail-fast",) if FAIL_FAST else ()),
        "--tb=short" if verbose else "--tb=line",
    ]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
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


def _summarise(entry: Entry, batch: Batch) -> Result:
    """Fold a kata's test records into pass / fail / not started and one message."""
    mine = batch.of(entry)
    failed = [r for r in mine if r["outcome"] == "failed"]
    if not any(kata_of(n) == entry.id for n in batch.collected) and batch.code in (0, 1, 5):
        return Result(entry, "fail", "the grader found no tests to run", mine, batch.output)
    if not batch.complete(entry) and not failed:
        return Result(entry, "fail", _died(batch.code), mine, batch.output)
    if not failed:
        return Result(entry, "pass", "", mine, batch.output)
    started = next((r for r in failed if r["not_started"]), None)
    if started:
        return Result(entry, "not started", started["message"], mine, batch.output)
    return Result(entry, "fail", failed[0]["message"], mine, batch.output)


def _grade_group(group: list[Entry], target: Path, workdir: Path, verbose: bool) -> list[Result]:
    """Grade katas in one process; if it dies, grade the kata it died on alone and go on."""
    results: dict[str, Result] = {}
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
    entries: list[Entry],
    target: Path,
    *,
    verbose: bool = False,
    jobs: int | None = None,
    per_track: bool = True,
) -> list[Result]:
    """Grade ``entries`` against ``target`` and return results in the order given.

    With ``per_track`` each track runs in its own process, ``jobs`` at a time (default: two
    per core, as graders often wait on real clocks); without, all katas share one process
    (cheaper when grading many submissions side by side). Either way a kata that kills its
    process is regraded alone.
    """
    results: dict[str, Result] = {}
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        if not grader_file(entry).is_file():
            results[entry.id] = Result(
                entry, "fail", f"no grader yet at {display(grader_file(entry))}"
            )
            continue
        groups.setdefault(entry.track if per_track else "all", []).append(entry)
    workdir = Path(tempfile.mkdtemp(prefix="katas-grade-"))
    try:
        with ThreadPoolExecutor(max_workers=jobs or 2 * (os.cpu_count() or 1)) as pool:
            for group in pool.map(
                lambda g: _grade_group(g, target, workdir, verbose), groups.values()
            ):
                results.update({r.entry.id: r for r in group})
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return [results[e.id] for e in entries]


class Style:
    """Colour when writing to a terminal, plain text otherwise (and when NO_COLOR is set)."""

    def __init__(self, stream: Any) -> None:
        self.on = (
            hasattr(stream, "isatty")
            and stream.isatty()
            and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb"
        )

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text


MARKS = {"pass": ("✓", "32"), "fail": ("✗", "31"), "not started": ("·", "2")}


def _wrap(text: str, indent: int, width: int) -> Iterable[str]:
    import textwrap

    return textwrap.wrap(text, width=max(40, width - indent), break_on_hyphens=False)


def scoreboard(
    results: list[Result],
    cat: Catalogue,
    target: Path,
    stream: Any = sys.stdout,
    hide_paths: bool = False,
) -> str:
    """The learner's view: per track and kata, status, points, and one sentence per failure."""
    style = Style(stream)
    width = min(shutil.get_terminal_size((100, 20)).columns, 110)
    lines = [style(f"asyncio-katas · grading {display(target)}/", "1"), ""]
    tracks: dict[str, list[Result]] = {}
    for result in results:
        tracks.setdefault(result.entry.track, []).append(result)
    for track, track_results in tracks.items():
        earned = sum(r.score for r in track_results)
        possible = sum(r.entry.points for r in track_results)
        title = f"{track[:2]}  {cat.tracks.get(track, track)}"
        lines.append(style(f"{title:<{width - 12}}{earned:>5}/{possible:<4}", "1"))
        for r in track_results:
            mark, colour = MARKS[r.status]
            label = f"  {style(mark, colour)} {r.entry.name:<20} {r.entry.title}"
            pad = width - 12 - len(f"  {mark} {r.entry.name:<20} {r.entry.title}")
            lines.append(f"{label}{' ' * max(1, pad)}{r.score:>5}/{r.entry.points:<4}")
            if hide_paths:
                continue
            if r.status == "not started":
                lines.append(
                    style(f"      not started: {display(target / (r.entry.id + '.py'))}", "2")
                )
            elif r.status == "fail":
                for i, part in enumerate(_wrap(r.message, 6, width)):
                    lines.append(style(("    → " if i == 0 else "      ") + part, "33"))
        lines.append("")
    earned = sum(r.score for r in results)
    possible = sum(r.entry.points for r in results)
    counts = {s: sum(1 for r in results if r.status == s) for s in MARKS}
    share = earned / possible if possible else 0.0
    bar = "█" * round(share * 30) + "░" * (30 - round(share * 30))
    lines.append(
        style(f"Total {earned}/{possible}", "1")
        + f"  {bar} {share:.0%}   "
        + f"{counts['pass']} passed, {counts['fail']} failing, {counts['not started']} not started"
    )
    todo = next((r for r in results if r.status != "pass"), None)
    if todo:
        lines.append(
            f"Next: {todo.entry.name} — edit {display(target / (todo.entry.id + '.py'))}, "
            f"then run: nox -s grade -- {todo.entry.name}"
        )
    else:
        lines.append("Every kata here passes. Well done!")
    return "\n".join(lines)


def unknown_names(names: str, cat: Catalogue) -> str:
    """One line for unknown kata names: close matches first, then every valid name."""
    valid = [k.name for k in cat.katas] + list(cat.tracks)
    close = sorted({m for n in names.split(", ") for m in difflib.get_close_matches(n, valid, 3)})
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    return (
        f"unknown kata or track: {names}.{hint}\n"
        f"Katas: {', '.join(k.name for k in cat.katas)}\nTracks: {', '.join(cat.tracks)}"
    )


# Files a submission may carry that could steer pytest or Python if they were ever loaded.
# Submissions are loaded by path, kata module by kata module, so they never are: we say so.
IGNORED_IN_SUBMISSIONS = {
    "conftest.py",
    "pytest.ini",
    "pyproject.toml",
    "setup.cfg",
    "tox.ini",
    "sitecustomize.py",
    "usercustomize.py",
    "kit",
    "kit.py",
    "pytest.py",
    "_pytest",
    "graders",
}


def ignored_files(folder: Path) -> list[str]:
    """Files in a submission that grading ignores (see IGNORED_IN_SUBMISSIONS)."""
    found = [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.name in IGNORED_IN_SUBMISSIONS or p.suffix == ".pth"
    ]
    return sorted(found)


def parser() -> argparse.ArgumentParser:
    """The options of ``nox -s grade --``."""
    ap = argparse.ArgumentParser(prog="nox -s grade --", description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="katas or tracks to grade (default: all)")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--target", default=None, help="exercises (default), solutions or a folder")
    where.add_argument(
        "--submission", default=None, help="a student's folder laid out like exercises/"
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="show pytest's full output")
    ap.add_argument("--strict", action="store_true", help="exit 1 unless every kata passes")
    ap.add_argument("--list", action="store_true", help="list katas with their last grade")
    ap.add_argument(
        "--jobs", type=int, default=None, help="processes at once (default: 2 per core)"
    )
    ap.add_argument("--json", help="write Exercism v3 results (with GitHub Classroom points)")
    ap.add_argument("--junit", help="write JUnit XML")
    ap.add_argument("--gradescope", help="write Gradescope results.json")
    ap.add_argument(
        "--verify-graders",
        action="store_true",
        help="refuse to grade unless graders and kit match graders/SHA256SUMS",
    )
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m kit grade``."""
    args = parser().parse_args(argv)
    cat = catalogue()
    try:
        entries = cat.select(args.names)
    except LookupError as exc:
        print(unknown_names(str(exc.args[0]), cat), file=sys.stderr)
        return 2
    target = resolve_target(args.submission or args.target)
    if not target.is_dir():
        print(
            f"no such folder to grade: {target} (exercises, solutions or a path)", file=sys.stderr
        )
        return 2
    if args.list:
        saved = learn.load_progress()
        listed = [Result(e, saved["status"].get(e.id, "not started")) for e in entries]
        print(scoreboard(listed, cat, target, hide_paths=True))
        print(f"(last graded {saved.get('graded_at', 'never')}; nox -s grade regrades)")
        return 0
    if args.verify_graders:
        problems = integrity.verify()
        if problems:
            print(
                "refusing to grade: the graders differ from graders/SHA256SUMS ("
                + "; ".join(problems)
                + "). Grade from a clean checkout.",
                file=sys.stderr,
            )
            return 3
    if args.submission and (ignored := ignored_files(target)):
        print(
            f"ignored in the submission: {', '.join(ignored)} (only kata modules are graded, "
            "always with the project's own graders and kit)"
        )
    digest = integrity.digest()  # of the files that grade, before they run
    start = time.perf_counter()
    results = grade(entries, target, verbose=args.verbose, jobs=args.jobs)
    elapsed = time.perf_counter() - start
    if target == REPO / "exercises":
        learn.record_statuses({r.entry.id: r.status for r in results})
    print(scoreboard(results, cat, target))
    if args.verbose:
        for output in dict.fromkeys(r.output for r in results if r.status != "pass"):
            print("\n" + output)
    verified = " (verified)" if args.verify_graders else ""
    print(f"(graded {len(results)} katas in {elapsed:.1f} s; graders sha256 {digest}{verified})")
    for path in reports.write(
        results,
        execution_time=elapsed,
        json_path=args.json,
        junit_path=args.junit,
        gradescope_path=args.gradescope,
    ):
        print(f"wrote {path}")
    if args.strict and any(r.status != "pass" for r in results):
        return 1
    return 0
