"""The project's own proof that graders are right: solutions pass, stubs say "not implemented
yet", known-wrong code fails with the message that names its mistake, and correct code in
other styles passes.

Known-wrong implementations live in ``tests/wrong/<track>/<module>/<slug>.py``; each holds a
line ``EXPECT = "..."``, a piece of the failure message its grader must print, and maybe a
line ``WRONG_BEFORE = "3.13"`` when the code is wrong only on older Pythons (a CPython fix
made it right): newer Pythons skip it; or ``CAUGHT_SINCE = "3.13"`` when the code is wrong
everywhere but its grader can tell only from that Python on (on older ones CPython itself
does the same wrong thing to correct code): older Pythons skip it. Correct alternatives live in
``tests/alternatives/<track>/<module>/<slug>.py``.

Run it on a few katas while writing a grader:

    python -m kit dev triangle fetch_all settle
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..data import CheckRecord, KataResult
from ..manifest import KataInfo, catalogue
from ..orchestrate import grade
from ..paths import REPO

TESTS = REPO / "tests"
EXPECT_LINE = re.compile(r'^EXPECT = "(?P<text>.*)"$', re.MULTILINE)
WRONG_BEFORE_LINE = re.compile(r'^WRONG_BEFORE = "(?P<major>\d+)\.(?P<minor>\d+)"$', re.MULTILINE)
CAUGHT_SINCE_LINE = re.compile(r'^CAUGHT_SINCE = "(?P<major>\d+)\.(?P<minor>\d+)"$', re.MULTILINE)


@dataclass(frozen=True)
class Variant:
    """One file that stands in for a kata's module, and what its grader must say of it."""

    kata: str  # "02_tasks/two_sleepers"
    kind: str  # "solution", "stub", "wrong" or "alternative"
    path: Path
    expect: str = ""  # for "wrong": a piece of the failure message

    @property
    def label(self) -> str:
        """A short name for reports and test ids."""
        return f"{self.kata}:{self.kind}:{self.path.stem}"


def variants(kata: str) -> list[Variant]:
    """Every file the triangle grades for ``kata``."""
    found = [
        Variant(kata, "solution", REPO / "solutions" / f"{kata}.py"),
        Variant(kata, "stub", REPO / "exercises" / f"{kata}.py"),
    ]
    for path in sorted((TESTS / "wrong" / kata).glob("*.py")):
        text = path.read_text(encoding="utf-8")
        before = WRONG_BEFORE_LINE.search(text)
        if before and sys.version_info[:2] >= (int(before["major"]), int(before["minor"])):
            continue  # right on this Python (CPython fixed what made it wrong)
        since = CAUGHT_SINCE_LINE.search(text)
        if since and sys.version_info[:2] < (int(since["major"]), int(since["minor"])):
            continue  # its check needs a newer Python (this one errs the same way itself)
        match = EXPECT_LINE.search(text)
        found.append(Variant(kata, "wrong", path, match.group("text") if match else ""))
    for path in sorted((TESTS / "alternatives" / kata).glob("*.py")):
        found.append(Variant(kata, "alternative", path))
    return found


# Katas graded in one pytest process, and processes at a time. Most of a wrong answer's time
# is spent waiting (real clocks, subprocesses), so three processes per core; a whole round (48
# katas) a process, since each process costs about 0.4 s of CPU time to start and rounds are
# at least as many as one kata's variants (41 rounds, 41 processes; 16 katas a process made
# 80). Measured on 2 cores, the whole triangle (601 files): 8 katas and 2 processes took
# 189 s; 16 and 4 took 96 s. 16 and 8 took 67 s, but then a loop step of a virtual-time kata
# could take over 0.3 s of real time for want of a CPU, and a wrong answer was once told
# "blocked the event loop" instead of its mistake. On 2026-12-01 (957 files): 16 katas a
# process, 174 s and 219 s of CPU time; a round a process (and the kit's cheaper gc and
# tamper looks), 145 s and 136 s. Three processes per core cost 55 s more CPU time in the
# suite then; once grader processes had the parent's bytecode and a failed kata's checks no
# reports (1,087 files, 3.12), they took the triangle from 234 s to 191 s (288 s and 293 s
# of CPU time) and `nox -s tests` from 305 s and 332 s to 256 s and 290 s.
CHUNK = 48
JOBS_PER_CORE = 3


def grade_rounds(all_rounds: list[list[Variant]]) -> list[dict[str, KataResult]]:
    """Grade each round (variants of distinct katas) from its own target folder, with the
    scoreboard's own machinery (crashed katas regraded alone). Rounds are cut into chunks of
    ``CHUNK`` katas, graded ``JOBS_PER_CORE`` per core side by side. A round is not a
    submission: it has no deadline of its own (under a busy suite, its 48 katas once took
    more than a submission's 160 s, and the last of them went ungraded), while each kata
    keeps its budget.

    Returns, per round, the result of each kata.
    """
    cat = catalogue()
    out: list[dict[str, KataResult]] = [{} for _ in all_rounds]
    with tempfile.TemporaryDirectory(prefix="katas-triangle-") as tmp:
        work: list[tuple[int, Path, list[KataInfo]]] = []
        for index, round_ in enumerate(all_rounds):
            target = Path(tmp) / f"round{index}"
            for variant in round_:
                dest = target / f"{variant.kata}.py"
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(variant.path, dest)
            entries = [e for e in (cat.info(v.kata) for v in round_) if e is not None]
            for i in range(0, len(entries), CHUNK):
                work.append((index, target, entries[i : i + CHUNK]))

        def run(unit: tuple[int, Path, list[KataInfo]]) -> tuple[int, list[KataResult]]:
            index, target, entries = unit
            return index, grade(entries, target, spread=False, jobs=1, budget=math.inf)

        with ThreadPoolExecutor(max_workers=JOBS_PER_CORE * (os.cpu_count() or 1)) as pool:
            for index, results in pool.map(run, work):
                out[index].update({r.info.id: r for r in results})
    return out


def verdict(variant: Variant, result: KataResult | None) -> str:
    """'' if the grader treated ``variant`` as it must, else what went wrong."""
    records: list[CheckRecord] = result.checks if result else []
    failed = [r for r in records if r["outcome"] == "failed"]
    if not records:
        said = f": {result.message}" if result and result.message else ""
        return f"the grader produced no result (crashed, or no tests collected){said}"
    grader_errors = [r for r in failed if r["message"].startswith("grader error")]
    if variant.kind in ("solution", "alternative"):
        if failed:
            return f"{len(failed)} check(s) failed: " + " | ".join(
                f"{r['test']}: {r['message']}" for r in failed[:3]
            )
        return ""
    if grader_errors:
        return "grader error: " + grader_errors[0]["message"]
    if variant.kind == "stub":
        if not any(r["not_started"] for r in failed):
            return "the stub was not reported as 'not implemented yet'"
        bad = [r for r in failed if not r["not_started"]]
        return f"stub failed for another reason: {bad[0]['message']}" if bad else ""
    if not failed:
        return "the grader PASSED this wrong implementation"
    if not variant.expect:
        return "this wrong implementation has no EXPECT line"
    if variant.expect.lower() not in failed[0]["message"].lower():  # what the scoreboard shows
        return f"the first failure does not say {variant.expect!r}; it said: {failed[0]['message']}"
    return ""


def rounds(all_variants: Iterable[Variant]) -> list[list[Variant]]:
    """Split variants into rounds holding at most one variant per kata."""
    out: list[list[Variant]] = []
    for variant in all_variants:
        for round_ in out:
            if all(v.kata != variant.kata for v in round_):
                round_.append(variant)
                break
        else:
            out.append([variant])
    return out


def check(katas: list[str], keep: Callable[[Variant], bool] = lambda _: True) -> dict[Variant, str]:
    """Grade every variant of ``katas`` that ``keep`` keeps; map each to its verdict ('' when
    right)."""
    results: dict[Variant, str] = {}
    all_rounds = rounds(v for k in katas for v in variants(k) if keep(v))
    for round_, graded in zip(all_rounds, grade_rounds(all_rounds), strict=True):
        for variant in round_:
            results[variant] = verdict(variant, graded.get(variant.kata))
    return results


def command(args: argparse.Namespace) -> int:
    """``python -m kit dev triangle [KATA-or-TRACK ...]``: one line per variant."""
    cat = catalogue()
    try:
        katas = [info.id for info in cat.select(args.names)]
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])))
        return 2
    results = check(katas)
    for variant, problem in results.items():
        print(f"{'ok  ' if not problem else 'BAD '} {variant.label}  {problem}")
    bad = sum(1 for p in results.values() if p)
    print(f"{len(results) - bad} right, {bad} wrong")
    return 1 if bad else 0
