"""Attacks that go on after grading (issue 8, attacks 3, 6 and 7, and a class gradebook of
every attack): each test waits seconds for what survived to strike, so they live apart
from test_integrity.py, to run beside the other files. Also a grader process's
neighbours, which must outlive its cleanup (one waits six seconds)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from kit._internal import isolation
from kit._internal.paths import REPO

from tests.hostile_support import (
    HOSTILE,
    ISOLATED,
    KINDS,
    LINGERING,
    MARK,
    daemons_left,
    digest,
    grade_blocks_or_flags,
    needs_namespaces,
    own_mark,
    planted_in_python,
    run_kit,
    student,
)


@pytest.mark.timeout(400)
@pytest.mark.parametrize("kind", LINGERING)
def test_grade_submission_blocks_or_flags_what_lingers(tmp_path: Path, kind: str) -> None:
    grade_blocks_or_flags(tmp_path, kind)


@pytest.mark.once
@pytest.mark.timeout(900)
def test_gradebook_keeps_honest_points_and_flags_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "class"
    for honest in ("katas-victim-alice", "katas-victim-bob"):
        student(root / honest, None)
    mark = own_mark()
    for kind in KINDS:
        student(root / kind, kind, mark)
    formula = '=HYPERLINK("example.com","x")'
    student(root / formula, "ugly_output")
    for own_file in ("index.html", "gradebook.csv"):  # where the gradebook's own files go
        student(root / own_file, None)
    # A name that is not UTF-8 (its grader process failed to start: 0 points), one holding
    # U+FFFD (both were shown as "x\ufffd"), and one with a `#` (a link's fragment).
    odd = {os.fsdecode(b"odd-\xff"): "odd-\\udcff", "odd-\ufffd": "odd-\ufffd", "odd-#1": "odd-#1"}
    for name in odd:
        student(root / name, None)
    before = {n: digest(root / n) for n in ("katas-victim-alice", "katas-victim-bob")}
    out = tmp_path / "katas-victim-out"
    start = time.perf_counter()
    proc = run_kit(["gradebook", str(root), "two_sleepers", "fetch_all", "--out", str(out)])
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr[-3000:]
    table = (out / "gradebook.csv").read_bytes()
    with (out / "gradebook.csv").open(newline="", encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert rows["katas-victim-alice"]["total"] == rows["katas-victim-bob"]["total"] == "20"
    assert not rows["katas-victim-alice"]["flags"]
    for kind, (_, flag) in KINDS.items():
        assert rows[kind]["02_tasks/two_sleepers"] == "0", rows[kind]
        if flag:
            assert flag in rows[kind]["flags"], rows[kind]
    assert "'" + formula in rows, list(rows)
    assert rows["'index.html"]["total"] == rows["'gradebook.csv"]["total"] == "20"
    assert all(rows[shown]["total"] == "20" for shown in odd.values()), list(rows)
    assert (out / "index.html").is_file()
    assert 'href="./odd-%231/report.html"' in (out / "index.html").read_text(encoding="utf-8")
    for name in rows:
        assert (out / name / "results.json").is_file(), name
        assert (out / name / "report.html").is_file(), name
        json.loads((out / name / "results.json").read_text(encoding="utf-8"))
    time.sleep(4)  # a daemon that survived would strike now
    assert {n: digest(root / n) for n in before} == before
    assert (out / "gradebook.csv").read_bytes() == table
    assert not planted_in_python(), "the Python that grades was written to"
    if ISOLATED:
        assert not daemons_left(mark)
    print(f"gradebook of {len(rows)} submissions, {len(KINDS) + 1} hostile, in {elapsed:.1f} s")


@needs_namespaces
def test_one_grader_process_ending_leaves_its_neighbours_running(tmp_path: Path) -> None:
    """Tracks of one submission run side by side: the cleanup after one grader process
    kills only what that process left, never a neighbour still grading (a real-clock track
    was once killed mid-kata this way, and honest solutions lost points)."""
    box = isolation.sandbox(student(tmp_path / "alice", None))
    try:
        slow = isolation.start([sys.executable, "-c", "import time; time.sleep(6)"], box)
        quick = isolation.start([sys.executable, "-c", "pass"], box)
        quick.wait(timeout=60)
        isolation.kill(quick)
        assert box.cleanup_processes(quick, grace=0.5) == []
        assert slow.wait(timeout=60) == 0
        isolation.kill(slow)
    finally:
        box.remove()


# Katas graded on the real clock (streams, subprocesses, threads): what CPU starvation fails.
REAL_CLOCK = "upper_server line_client run_cmd run_all tail hash_files sync_client".split()


@pytest.mark.once(on=(3, 13))  # a minute of real time: on the Python whose session is shortest
@pytest.mark.timeout(600)
@pytest.mark.skipif(
    isolation.mode() != "root" or isolation.hierarchy("cpu") is None,
    reason="needs root, namespaces and a cgroup hierarchy with the cpu controller",
)
def test_spinners_do_not_starve_a_classmate(tmp_path: Path) -> None:
    """Attack 42: a kata's hundreds of CPU spinners, each in a session of its own, take no
    points from a classmate graded beside it (its real-clock katas)."""
    root = tmp_path / "class"
    bob = root / "katas-victim-bob"
    for kata in REAL_CLOCK:
        (source,) = (REPO / "solutions").glob(f"*/{kata}.py")
        (bob / source.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(source, bob / source.parent.name)
    mark = own_mark()
    hostile = HOSTILE / "starves_classmates" / "01_coroutines" / "hello_world.py"
    (root / "mallory" / "01_coroutines").mkdir(parents=True)
    code = hostile.read_bytes().replace(MARK.encode(), mark.encode())
    (root / "mallory" / "01_coroutines" / "hello_world.py").write_bytes(code)
    out = tmp_path / "katas-victim-out"
    env = {"KATAS_TEST_TIMEOUT": "30", "KATAS_KATA_BUDGET": "45"}
    proc = run_kit(["gradebook", str(root), "hello_world", *REAL_CLOCK, "--out", str(out)], env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with (out / "gradebook.csv").open(newline="", encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert rows["katas-victim-bob"]["total"] == str(10 * len(REAL_CLOCK)), (
        out / "katas-victim-bob" / "scoreboard.txt"
    ).read_text(encoding="utf-8")
    assert rows["mallory"]["01_coroutines/hello_world"] == "0"
    assert "setsid" in rows["mallory"]["flags"]
    assert not daemons_left(mark)
