"""Tamper evidence and the gradebook (each format against its consumer: test_formats.py)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kit._internal.manifest import catalogue
from kit._internal.paths import REPO

CAT = catalogue()


def _kit(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": "graders"}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_verify_graders_refuses_on_a_mismatch(tmp_path: Path) -> None:
    proc = _kit("dev", "sums")
    assert proc.returncode == 0, (
        f"graders/SHA256SUMS is stale: run `python -m kit dev sums --write`\n{proc.stdout}"
    )
    copy = tmp_path / "repo"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".git", ".nox", "__pycache__"))
    grader = copy / "graders" / "02_tasks" / "test_two_sleepers.py"
    grader.write_text(grader.read_text() + "\n# loosened\n")
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "grade", "two_sleepers", "--verify-graders"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "graders"},
    )
    assert proc.returncode == 3
    assert (
        "refusing to grade" in proc.stderr
        and "changed: graders/02_tasks/test_two_sleepers.py" in proc.stderr
    )


@pytest.mark.once
def test_gradebook_writes_csv_and_a_report_per_student(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    shutil.copytree(REPO / "solutions", subs / "ada")
    shutil.copytree(REPO / "exercises", subs / "bob")
    shutil.copytree(REPO / "exercises", subs / "cy")
    shutil.copy(REPO / "solutions" / "02_tasks" / "two_sleepers.py", subs / "cy" / "02_tasks")
    proc = _kit("gradebook", str(subs), "two_sleepers", "fetch_all", "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert "3/3" in proc.stderr  # the progress bar reached the end
    rows = list(csv.DictReader((tmp_path / "out" / "gradebook.csv").open()))
    got = {
        r["student"]: (r["02_tasks/two_sleepers"], r["02_tasks/fetch_all"], r["total"])
        for r in rows
    }
    assert got == {"ada": ("10", "10", "20"), "bob": ("0", "0", "0"), "cy": ("10", "0", "10")}
    for student in got:
        data = json.loads((tmp_path / "out" / student / "results.json").read_text())
        assert data["version"] == 3
        assert (
            (tmp_path / "out" / student / "scoreboard.txt").read_text().startswith("asyncio-katas")
        )


# The katas of the generated class. Its CSV is what is checked, not each grader (the
# triangle is), so a few katas do: six virtual-time coroutine katas in a row, where the
# hostile student hands in every kind of hostile code; run_it (plain def) and two
# real-clock katas, which get a solution, a stub and a wrong answer, and the solution from
# the hostile student. nox -s bench -- --batch 20 grades a class across the curriculum.
CLASS_KATAS = (
    *("hello_world", "run_it", "total_price", "two_sleepers", "fetch_all", "first_k"),
    *("settle", "upper_server", "run_all"),
)


@pytest.mark.once
@pytest.mark.timeout(900)
def test_a_generated_class_gets_the_right_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Solutions, stubs, wrong answers and hostile code mixed over virtual-time and
    real-clock katas: each student's row has the points of what they handed in."""
    from kit._internal.dev import batch
    from kit._internal.manifest import Catalogue
    from kit._internal.orchestrate import REAL_CLOCK_WEIGHT, _weight

    chosen = CAT.select(list(CLASS_KATAS))
    monkeypatch.setattr(batch, "catalogue", lambda: Catalogue(CAT.tracks, tuple(chosen)))
    expected = batch.generate(tmp_path / "class", students=4)
    handed = [h.what.split(" ") for katas in expected.values() for h in katas.values()]
    assert {what[0] for what in handed} == {"solution", "stub", "wrong", "hostile"}
    assert {what[1] for what in handed if what[0] == "hostile"} == set(batch.HOSTILE)
    real = [e.id for e in chosen if _weight(e) == REAL_CLOCK_WEIGHT]
    kinds = {katas[k].what.split(" ")[0] for katas in expected.values() for k in real}
    assert kinds == {"solution", "stub", "wrong"}, kinds
    out = tmp_path / "out"
    proc = _kit("gradebook", str(tmp_path / "class"), *CLASS_KATAS, "--out", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    with (out / "gradebook.csv").open(newline="", encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert sorted(rows) == sorted(expected)
    odd = [
        f"{s} {kata}: {rows[s][kata]} points for {h.what} (expected {h.points})"
        for s, katas in expected.items()
        for kata, h in katas.items()
        if rows[s][kata] != str(h.points)
    ]
    totals = {s: str(sum(h.points for h in katas.values())) for s, katas in expected.items()}
    assert {s: row["total"] for s, row in rows.items()} == totals and not odd, odd
