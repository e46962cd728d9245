"""Timelines: the drawing (exact text), the trace a run leaves, and five katas' failures."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from kit._internal import trace
from kit._internal.data import TimelineData, TimelineRow
from kit._internal.manifest import catalogue
from kit._internal.orchestrate import grade
from kit._internal.paths import REPO
from kit._internal.timeline import MAX_ROWS, render

pytestmark = pytest.mark.timeout(300)  # five katas graded in a subprocess, on a busy machine


def row(label: str, start: float, end: float | None, group: str = "call") -> TimelineRow:
    return {"label": label, "group": group, "start": start, "end": end, "cancelled": False}


def data(rows: list[TimelineRow], **extra: object) -> TimelineData:
    base: TimelineData = {
        "clock": "virtual",
        "rows": rows,
        "ideal": [],
        "took": max(float(r["end"] or 0) for r in rows),
        "expected": None,
        "shape": "",
        "checked": True,
    }
    base.update(extra)  # type: ignore[typeddict-item]
    return base


ONE_BY_ONE = data(
    [
        row("call('c')", 0, 4),
        row("call('a')", 4, 7),
        row("call('d')", 7, 9),
        row("call('b')", 9, 10),
    ],
    ideal=[
        row("call('c')", 0, 4),
        row("call('a')", 0, 3),
        row("call('d')", 0, 2),
        row("call('b')", 0, 1),
    ],
    expected=4.0,
)


def test_ascii_at_60_columns() -> None:
    assert "\n".join(render(ONE_BY_ONE, width=60, unicode=False)) == (
        "yours, in loop seconds:\n"
        "  call('c') |###############                       | 0 -> 4\n"
        "  call('a') |               ############           | 4 -> 7\n"
        "  call('d') |                           #######    | 7 -> 9\n"
        "  call('b') |                                  ####| 9 -> 10\n"
        "ideal:\n"
        "  call('c') |###############                       | 0 -> 4\n"
        "  call('a') |###########                           | 0 -> 3\n"
        "  call('d') |########                              | 0 -> 2\n"
        "  call('b') |####                                  | 0 -> 1\n"
        "             0                  5               10 s\n"
        "expected: all 4 start at 0 s; the last ends at 4 s (yours\n"
        "  ended at 10 s)."
    )


def test_unicode_blocks_colour_and_widths() -> None:
    lines = render(ONE_BY_ONE, width=80, paint=lambda text, code: f"<{code}>{text}</>")
    assert "<33>████" in lines[1] and "<32>████" in lines[6]
    for width in (40, 80, 100, 200):
        for line in render(ONE_BY_ONE, width=width, indent=6):
            assert len(line) <= min(max(width, 40), 100), line


def test_at_most_twelve_rows_then_a_count() -> None:
    many = data([row(f"call({i})", i, i + 0.5, group=f"g{i}") for i in range(20)])
    lines = render(many, width=80)
    bars = [line for line in lines if "│" in line]
    assert len(bars) == MAX_ROWS - 1
    assert "  ... 9 more" in lines


def test_calls_of_one_probe_share_lanes_when_there_are_many() -> None:
    calls = [
        row(f"fetch('u{i}')", 3.0 * (i // 3), 3.0 * (i // 3) + 3, group="fetch") for i in range(15)
    ]
    lines = render(data(calls), width=80, unicode=False)
    lanes = [line for line in lines if "|" in line]
    assert len(lanes) == 3
    assert all(
        line.strip().startswith("fetch |#####") and line.endswith("5 calls") for line in lanes
    )


def test_real_clock_is_labelled_in_measured_seconds() -> None:
    lines = render(data([row("sleep(0.2)", 0.0, 0.2134)], clock="real", took=0.25), width=80)
    assert lines[0] == "yours, in measured real seconds:"
    assert lines[1].endswith("0.00 → 0.21")


def test_the_ideal_is_all_at_once_only_when_no_peak_was_checked_first() -> None:
    found = [row("call(0)", 0, 5), row("call(1)", 5, 6)]
    trace.reset()
    trace.expect_time(5.0)
    assert [(r["start"], r["end"]) for r in trace.all_at_once(found)] == [(0, 5), (0, 1)]
    trace.reset()
    trace.peak_read()  # a limit may apply: the kit cannot know the ideal
    trace.expect_time(5.0)
    assert trace.all_at_once(found) == []
    trace.reset()


# Five katas, each answered with its classic mistake: the scoreboard's timeline (80 columns).
WRONG = {
    "02_tasks/fetch_all": (
        "async def fetch_all(ids, fetch):\n    return [await fetch(i) for i in ids]\n"
    ),
    "02_tasks/two_sleepers": (
        "import asyncio\n\n\nasync def two_sleepers(a=10, b=5):\n"
        "    start = asyncio.get_running_loop().time()\n"
        "    await asyncio.sleep(a)\n    await asyncio.sleep(b)\n"
        "    return asyncio.get_running_loop().time() - start\n"
    ),
    "06_sync/bounded_gather": (
        "import asyncio\n\n\nasync def bounded_gather(coros, limit):\n    results = []\n"
        "    for start in range(0, len(coros), limit):\n"
        "        results += await asyncio.gather(*coros[start:start + limit], "
        "return_exceptions=True)\n    return results\n"
    ),
    "07_queues/pipeline": (
        "import asyncio\n\n\nasync def pipeline(urls, fetch, parse, store, widths):\n"
        "    async def bounded(step, items, width):\n        sem = asyncio.Semaphore(width)\n\n"
        "        async def one(item):\n            async with sem:\n"
        "                return await step(item)\n\n"
        "        return await asyncio.gather(*(one(i) for i in items))\n\n"
        "    pages = await bounded(fetch, list(urls), widths[0])\n"
        "    records = await bounded(parse, pages, widths[1])\n"
        "    await bounded(store, records, widths[2])\n"
    ),
    "12_aiohttp/rate_limit": (
        "import asyncio\n\n\nclass RateLimiter:\n    def __init__(self, rate, per):\n"
        "        self._sem = asyncio.Semaphore(rate)\n\n    async def __aenter__(self):\n"
        "        await self._sem.acquire()\n        return self\n\n"
        "    async def __aexit__(self, *exc):\n        self._sem.release()\n"
    ),
}

EXPECTED = {
    "fetch_all": """\
yours, in loop seconds:
  call('c') │█████████████████████                                │ 0 → 4
  call('a') │                     ████████████████                │ 4 → 7
  call('d') │                                     ███████████     │ 7 → 9
  call('b') │                                                █████│ 9 → 10
ideal:
  call('c') │█████████████████████                                │ 0 → 4
  call('a') │████████████████                                     │ 0 → 3
  call('d') │███████████                                          │ 0 → 2
  call('b') │█████                                                │ 0 → 1
             0          2         4          6         8       10 s
expected: all 4 start at 0 s; the last ends at 4 s (yours ended at 10 s).""",
    "two_sleepers": """\
yours, in loop seconds:
  sleep(10) │███████████████████████████████████                 │ 0 → 10
   sleep(5) │                                   █████████████████│ 10 → 15
ideal:
  sleep(10) │███████████████████████████████████                 │ 0 → 10
   sleep(5) │█████████████████                                   │ 0 → 5
             0                5                 10            15 s
expected: both start at 0 s; the last ends at 10 s (yours ended at 15 s).""",
    "bounded_gather": """\
yours, in loop seconds:
  call(0) │████████████████████████████████████████                │ 0 → 5
  call(1) │████████                                                │ 0 → 1
  call(2) │                                        ████████        │ 5 → 6
  call(3) │                                        ████████        │ 5 → 6
  call(4) │                                                ████████│ 6 → 7
  call(5) │                                                ████████│ 6 → 7
ideal:
  call(0) │████████████████████████████████████████                │ 0 → 5
  call(1) │████████                                                │ 0 → 1
  call(2) │        ████████                                        │ 1 → 2
  call(3) │                ████████                                │ 2 → 3
  call(4) │                        ████████                        │ 3 → 4
  call(5) │                                ████████                │ 4 → 5
           0               2               4               6     7 s
expected: at most 2 at once, the next as soon as one ends; the last ends
  at 5 s (yours ended at 7 s).""",
    "pipeline": """\
yours, in loop seconds:
  fetch │█████████▓▓▓▓▓▓▓▓▓█████████                             │ 3 calls
  fetch │█████████▓▓▓▓▓▓▓▓▓█████████                             │ 3 calls
  fetch │█████████▓▓▓▓▓▓▓▓▓█████████                             │ 3 calls
  parse │                           ███▓▓▓███▓▓▓███              │ 5 calls
  parse │                           ███▓▓▓███▓▓▓                 │ 4 calls
  store │                                          ██▓██▓██▓██▓██│ 9 calls
ideal:
  fetch │█████████▓▓▓▓▓▓▓▓▓█████████                             │ 3 calls
  fetch │█████████▓▓▓▓▓▓▓▓▓█████████                             │ 3 calls
  fetch │█████████▓▓▓▓▓▓▓▓▓█████████                             │ 3 calls
  parse │         ███▓▓▓   ███▓▓▓   ███▓▓▓                       │ 6 calls
  parse │         ███      ▓▓▓      ███                          │ 3 calls
  store │            ██▓██    ▓▓█▓▓    ██▓██                     │ 9 calls
         0              5              10             15    18.5 s
expected: the last ends at 11.5 s (yours ended at 18.5 s).""",
    "rate_limit": """\
yours, in loop seconds:
  call(0) │██                                               │ 0 → 0.125
  call(1) │██                                               │ 0 → 0.125
  call(2) │██                                               │ 0 → 0.125
  call(3) │  ██                                             │ 0.125 → 0.25
  call(4) │  ██                                             │ 0.125 → 0.25
  call(5) │  ██                                             │ 0.125 → 0.25
  call(6) │    ██                                           │ 0.25 → 0.375
  call(7) │    ██                                           │ 0.25 → 0.375
  call(8) │    ██                                           │ 0.25 → 0.375
  call(9) │      ██                                         │ 0.375 → 0.5
ideal:
  call(0) │██                                               │ 0 → 0.125
  call(1) │██                                               │ 0 → 0.125
  call(2) │██                                               │ 0 → 0.125
  call(3) │                ██                               │ 1 → 1.125
  call(4) │                ██                               │ 1 → 1.125
  call(5) │                ██                               │ 1 → 1.125
  call(6) │                               ██                │ 2 → 2.125
  call(7) │                               ██                │ 2 → 2.125
  call(8) │                               ██                │ 2 → 2.125
  call(9) │                                               ██│ 3 → 3.125
           0               1              2           3.125 s
expected: the calls start at 0, 0, 0, 1, 1, 1, 2, 2, 2, 3 s (yours ended
  at 0.5 s).""",
}


def timelines_in(scoreboard: str) -> dict[str, str]:
    """Each failing kata's timeline block (from 'yours,' to 'expected:'), unindented."""
    found: dict[str, str] = {}
    kata = ""
    block: list[str] = []
    ending = False  # inside the 'expected:' line, which may wrap
    for line in scoreboard.splitlines():
        if ending and not line.startswith("        "):
            found[kata], block, ending = "\n".join(block), [], False
        if m := re.match(r"  ✗ (\w+)", line):
            kata = m[1]
        elif line.startswith("      yours,") or block:
            block.append(line.removeprefix("      "))
            ending = ending or line.startswith("      expected:")
    return found


@pytest.fixture(scope="module")
def wrong_scoreboard(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("wrong")
    for kata, source in WRONG.items():
        (folder / kata).parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{kata}.py").write_text(source, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": "graders", "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}
    names = [k.split("/")[1] for k in WRONG]
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "grade", *names, "--target", str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("kata", list(EXPECTED))
def test_a_failed_concurrency_check_draws_its_timeline(wrong_scoreboard: str, kata: str) -> None:
    assert timelines_in(wrong_scoreboard).get(kata) == EXPECTED[kata], wrong_scoreboard


def test_every_scoreboard_line_fits_80_columns(wrong_scoreboard: str) -> None:
    too_long = [line for line in wrong_scoreboard.splitlines()[:-1] if len(line) > 80]
    assert not too_long  # the last line, the graders' sha256, is for copying whole


def test_the_message_stays_one_sentence_and_the_timeline_is_extra(tmp_path: Path) -> None:
    """The check's record keeps the teaching sentence; the timeline is its own field."""
    (tmp_path / "02_tasks").mkdir()
    (tmp_path / "02_tasks" / "fetch_all.py").write_text(WRONG["02_tasks/fetch_all"])
    info = catalogue().info("02_tasks/fetch_all")
    assert info is not None
    [result] = grade([info], tmp_path)
    assert result.message.startswith("fetch_all(['c', 'a', 'd', 'b'], fetch) took 10 s of loop")
    assert "│" not in result.message and "\n" not in result.message
    failed = [c for c in result.checks if c["outcome"] == "failed"]
    timeline = failed[0].get("timeline")
    assert timeline is not None and timeline["expected"] == 4.0 and timeline["took"] == 10.0
    assert [(r["start"], r["end"]) for r in timeline["rows"]] == [(0, 4), (4, 7), (7, 9), (9, 10)]


REAL = ("--target", "solutions", "--timeline")


def test_real_clock_katas_draw_threads_and_processes_in_real_seconds() -> None:
    env = {**os.environ, "PYTHONPATH": "graders", "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "grade", *("run_all", "hash_files"), *REAL],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    out = proc.stdout
    assert out.count("yours, in measured real seconds:") == 2, out
    assert re.search(r"python[\d.]* … \S+ 0 │ *█+ *│ \d\.\d\d → \d\.\d\d", out), out
    assert re.search(r"_sha256_of\(\) │", out), out
