"""Benchmark: how long grading takes, and how much waiting virtual loop time saves.

    nox -s bench                  grade solutions/ 3 times, print figures
    nox -s bench -- --repeat 1 tasks
    nox -s bench -- --batch 20    grade a generated class of 20 through the gradebook
    nox -s bench -- --watch       only the watch figure: a save to its new screen
    nox -s bench -- --suite       run the test suite once: time per file, slowest tests

(``nox -s bench`` runs ``python -m kit dev bench``.)

Prints the wall time of grading every kata (the learner's `nox -s grade`, minus nox), the
slowest katas, for virtual-time katas the loop seconds graded per real second, and how long
watch takes from saving a virtual-time kata to showing its grade (target: under 1 s).
"""

from __future__ import annotations

import argparse
import statistics
import time

from ..data import KataResult, Status
from ..manifest import catalogue
from ..orchestrate import grade
from ..paths import resolve_target


def command(args: argparse.Namespace) -> int:
    """Grade the target ``--repeat`` times and print the figures."""
    if args.batch:
        from . import batch

        return batch.run(args.batch)

    if getattr(args, "suite", False):
        from . import suite_bench

        return suite_bench.report([])

    if getattr(args, "watch", False):
        from . import watch_bench

        watch_bench.report()
        return 0
    entries = catalogue().select(args.names)
    target = resolve_target(args.target)
    walls: list[float] = []
    results: list[KataResult] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        results = grade(entries, target)
        walls.append(time.perf_counter() - start)

    tests = [t for r in results for t in r.checks]
    loop_seconds = sum(t.get("virtual_loop_seconds", 0.0) for t in tests)
    loop_wall = sum(t.get("virtual_wall_seconds", 0.0) for t in tests)
    passed = sum(r.status is Status.PASS for r in results)
    per_kata: dict[str, float] = {}
    for t in tests:
        per_kata[t["kata"]] = per_kata.get(t["kata"], 0.0) + t["duration"]

    print(f"grading {len(entries)} katas ({passed} pass) of {target}, {args.repeat} run(s)")
    print(f"  wall time: median {statistics.median(walls):.2f} s, best {min(walls):.2f} s")
    print(f"  grader tests: {len(tests)}, pytest time in tests {sum(per_kata.values()):.2f} s")
    print(
        f"  virtual time: {loop_seconds:,.1f} s of loop time graded in {loop_wall:.2f} s "
        f"of real time: {loop_seconds / loop_wall if loop_wall else 0:,.0f}x faster than waiting"
    )
    print("  slowest katas (pytest time in tests):")
    for kata, seconds in sorted(per_kata.items(), key=lambda kv: -kv[1])[:5]:
        print(f"    {seconds:6.2f} s  {kata}")
    from . import watch_bench

    watch_bench.report()
    return 0
