"""The scoreboard: grade katas (each track in its own pytest process) and print one line each.

    python -m kit grade [KATA-or-TRACK ...] [--target exercises|solutions|PATH] [-v]

A track runs in a separate process, tracks run in parallel on the available cores, and a
kata whose code takes its process down (``os._exit``, a segfault) is graded again on its
own, so it costs that kata alone.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .manifest import Catalogue, Entry, catalogue
from .targets import GRADERS, REPO, display, resolve_target

PROCESS_TIMEOUT = 300  # real seconds for one pytest process, beyond pytest-timeout's guard


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


def grader_file(entry: Entry) -> Path:
    """Where the grader of ``entry`` lives."""
    return GRADERS / entry.track / f"test_{entry.name}.py"


def _pytest(
    entries: list[Entry], target: Path, workdir: Path, verbose: bool
) -> tuple[list[dict], str, int]:
    """Run the graders of ``entries`` in one pytest process; return records, output, exit code."""
    report = Path(tempfile.mkstemp(suffix=".json", dir=workdir)[1])
    files = [str(grader_file(e)) for e in entries]
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        *files,
        f"--target={target}",
        f"--kata-report={report}",
        "-p",
        "no:randomly",
        "-q",
        "--no-header",
        "--continue-on-collection-errors",
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
        )
        output, code = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        output, code = f"{exc.stdout or ''}\nstopped after {PROCESS_TIMEOUT} s", -9
    try:
        records = json.loads(report.read_text(encoding="utf-8")) if report.stat().st_size else []
    except (OSError, json.JSONDecodeError):
        records = []
    return records, output, code


def _summarise(entry: Entry, records: list[dict], output: str, code: int) -> Result:
    """Fold a kata's test records into pass / fail / not started and one message."""
    mine = [r for r in records if r["kata"] == entry.id]
    if not mine:
        why = (
            f"the grader process died (exit code {code}) while running your code: "
            "os._exit, sys.exit in a thread, a crash in C code, or running out of memory?"
            if code not in (0, 1)
            else "the grader found no tests to run"
        )
        return Result(entry, "fail", why, [], output)
    failed = [r for r in mine if r["outcome"] == "failed"]
    if not failed:
        return Result(entry, "pass", "", mine, output)
    started = next((r for r in failed if r["not_started"]), None)
    if started:
        return Result(entry, "not started", started["message"], mine, output)
    return Result(entry, "fail", failed[0]["message"], mine, output)


def grade(
    entries: list[Entry], target: Path, *, verbose: bool = False, jobs: int | None = None
) -> list[Result]:
    """Grade ``entries`` against ``target``; results come back in catalogue order."""
    results: dict[str, Result] = {}
    by_track: dict[str, list[Entry]] = {}
    for entry in entries:
        if not grader_file(entry).is_file():
            results[entry.id] = Result(
                entry, "fail", f"no grader yet at {display(grader_file(entry))}"
            )
            continue
        by_track.setdefault(entry.track, []).append(entry)
    workdir = Path(tempfile.mkdtemp(prefix="katas-grade-"))
    try:

        def run_track(track_entries: list[Entry]) -> list[Result]:
            records, output, code = _pytest(track_entries, target, workdir, verbose)
            done = {r["kata"] for r in records}
            out = []
            for entry in track_entries:
                if entry.id in done or len(track_entries) == 1:
                    out.append(_summarise(entry, records, output, code))
                else:  # the process died before this kata: grade it on its own
                    out.append(_summarise(entry, *_pytest([entry], target, workdir, verbose)))
            return out

        with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
            for track_results in pool.map(run_track, by_track.values()):
                results.update({r.entry.id: r for r in track_results})
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
    results: list[Result], cat: Catalogue, target: Path, stream: Any = sys.stdout
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


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m kit grade``."""
    parser = argparse.ArgumentParser(prog="nox -s grade --", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="katas or tracks to grade (default: all)")
    parser.add_argument("--target", default=None, help="exercises (default), solutions or a folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="show pytest's full output")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every kata passes")
    parser.add_argument("--jobs", type=int, default=None, help="processes at once (default: cores)")
    args = parser.parse_args(argv)

    cat = catalogue()
    try:
        entries = cat.select(args.names)
    except LookupError as exc:
        print(unknown_names(str(exc.args[0]), cat), file=sys.stderr)
        return 2
    target = resolve_target(args.target)
    if not target.is_dir():
        print(
            f"no such folder to grade: {target} (give exercises, solutions or a path)",
            file=sys.stderr,
        )
        return 2
    start = time.perf_counter()
    results = grade(entries, target, verbose=args.verbose, jobs=args.jobs)
    print(scoreboard(results, cat, target))
    if args.verbose:
        for output in dict.fromkeys(r.output for r in results if r.status != "pass"):
            print("\n" + output)
    print(f"(graded {len(results)} katas in {time.perf_counter() - start:.1f} s)")
    if args.strict and any(r.status != "pass" for r in results):
        return 1
    return 0
