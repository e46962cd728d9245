"""The grade command: select katas, check the graders, grade, show the scoreboard, write reports."""

from __future__ import annotations

import argparse
import os
import sys
import time

from . import extra, formats, integrity, learn, trace
from .data import KataResult, Status
from .hygiene import for_terminal
from .manifest import catalogue
from .orchestrate import grade, isolation_note
from .paths import REPO, resolve_target
from .scoreboard import scoreboard
from .submission import ignored_files

IGNORED_SHOWN = 20  # files named in the line that lists what a submission carries in vain


def command(args: argparse.Namespace) -> int:
    """``python -m kit grade``."""
    cat = catalogue()
    try:
        infos = cat.select(args.names)
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])), file=sys.stderr)
        return 2
    if getattr(args, "extra_tests", None):
        try:
            infos = [*infos, *extra.load(args.extra_tests)]
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    target = resolve_target(args.submission or args.target)
    if not target.is_dir():
        print(
            f"no such folder to grade: {target} (exercises, solutions or a path)", file=sys.stderr
        )
        return 2
    if args.list:
        saved = learn.load_progress()
        listed = [KataResult(i, Status(saved["status"].get(i.id, "not started"))) for i in infos]
        print(scoreboard(listed, cat, target, hide_paths=True))
        print(f"(last graded {saved.get('graded_at', 'never')}; nox -s grade regrades)")
        return 0
    if args.verify_graders:
        pin = args.verify_graders if isinstance(args.verify_graders, str) else None
        problems = integrity.verify(pin)
        if problems:
            print(
                "refusing to grade: the graders differ from graders/SHA256SUMS ("
                + for_terminal("; ".join(problems))
                + "). Grade from a clean checkout.",
                file=sys.stderr,
            )
            return 3
    if args.submission and (ignored := ignored_files(target)):
        names = ", ".join(ignored[:IGNORED_SHOWN])  # 50,000 .pth files were one line of 1.5 MB
        if len(ignored) > IGNORED_SHOWN:
            names += f" and {len(ignored) - IGNORED_SHOWN} more"
        print(
            f"ignored in the submission: {for_terminal(names)} (only kata modules are "
            "graded, always with the project's own graders and kit)"
        )
    digest = integrity.digest()  # of the files that grade, before they run
    if args.timeline:
        os.environ[trace.ALWAYS] = "1"  # the grader processes keep passing checks' timelines
    start = time.perf_counter()
    results = grade(infos, target, verbose=args.verbose, jobs=args.jobs)
    elapsed = time.perf_counter() - start
    if target == REPO / "exercises":
        learn.record_statuses({r.info.id: r.status for r in results})
    print(scoreboard(results, cat, target, timelines=args.timeline))
    if args.submission and (note := isolation_note()):
        print(f"note: {note}")
    if args.verbose:
        for output in dict.fromkeys(r.output for r in results if r.status is not Status.PASS):
            print("\n" + output)
    verified = " (verified)" if args.verify_graders else ""
    katas = f"{len(results)} kata{'s' if len(results) != 1 else ''}"
    print(f"(graded {katas} in {elapsed:.1f} s; graders sha256 {digest}{verified})")
    for path in formats.write(
        results,
        execution_time=elapsed,
        json_path=args.json,
        junit_path=args.junit,
        gradescope_path=args.gradescope,
        classroom_path=args.classroom,
    ):
        print(f"wrote {path}")
    if args.strict and any(r.status is not Status.PASS for r in results):
        return 1
    return 0
