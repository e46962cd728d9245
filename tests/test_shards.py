"""Sharded gradebooks: every Nth student per shard, and the merged shards equal one run."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kit._internal import shards
from kit._internal.data import KataResult, Status
from kit._internal.manifest import KataInfo
from kit._internal.paths import REPO

KATAS = ["two_sleepers", "fetch_all"]


def _kit(*args: str, repo: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "graders"},
        timeout=900,
    )


def test_shards_split_the_class_without_overlap() -> None:
    folders = [Path(name) for name in "fedcbag"]
    picked = [shards.pick(folders, f"{k}/3") for k in (1, 2, 3)]
    assert [[p.name for p in shard] for shard in picked] == [
        ["a", "d", "g"],
        ["b", "e"],
        ["c", "f"],
    ]
    for bad in ("0/3", "4/3", "1", "a/b", "1/0"):
        with pytest.raises(ValueError):
            shards.parse(bad)


def _output(folder: Path, header: list[str], rows: list[list[str]], digest: str) -> Path:
    folder.mkdir()
    with (folder / "gradebook.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    entries = [KataInfo(id=kata, title=kata, points=10) for kata in header[1:-2]]
    graded = {r[0]: [KataResult(e, Status.FAIL) for e in entries] for r in rows}
    shards.describe(folder, "1/2", entries, graded, digest, {s: s for s in graded})
    return folder


def test_merge_refuses_mixed_outputs(tmp_path: Path) -> None:
    header = ["student", "02_tasks/fetch_all", "total", "possible"]
    one = _output(tmp_path / "one", header, [["ada", "10", "10", "10"]], "aaa")
    twice = _output(tmp_path / "twice", header, [["ada", "0", "0", "10"]], "aaa")
    other = _output(tmp_path / "other", header, [["bob", "0", "0", "10"]], "bbb")
    columns = _output(tmp_path / "columns", [*header[:1], *header[2:]], [["cy", "0", "10"]], "aaa")
    for bad in (twice, other, columns):
        with pytest.raises(ValueError):
            shards.merge([one, bad], tmp_path / "merged")


@pytest.mark.once
@pytest.mark.timeout(900)
def test_three_shards_merged_equal_one_run(tmp_path: Path) -> None:
    # A copy of the project: the four runs must see the same graders (merge checks it).
    repo = tmp_path / "repo"
    shutil.copytree(
        REPO, repo, ignore=shutil.ignore_patterns(".git", ".nox", ".katas", "__pycache__")
    )
    subs = tmp_path / "class"
    solutions, stubs = REPO / "solutions" / "02_tasks", REPO / "exercises" / "02_tasks"
    for student, kinds in {
        "ada": ("solution", "solution"),
        "bob": ("stub", "stub"),
        "cy": ("solution", "stub"),
        "dee": ("stub", "solution"),
        "eve": ("broken", "solution"),
    }.items():
        track = subs / student / "02_tasks"
        track.mkdir(parents=True)
        for kata, kind in zip(KATAS, kinds, strict=True):
            if kind == "broken":
                (track / f"{kata}.py").write_text("def broken(:\n")
            else:
                shutil.copy((solutions if kind == "solution" else stubs) / f"{kata}.py", track)
    whole = _kit("gradebook", str(subs), *KATAS, "--out", str(tmp_path / "whole"), repo=repo)
    assert whole.returncode == 0, whole.stderr
    outs = []
    for k in (1, 2, 3):
        out = tmp_path / f"shard-{k}"
        proc = _kit(
            *("gradebook", str(subs), *KATAS, "--shard", f"{k}/3", "--out", str(out)), repo=repo
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads((out / "shard.json").read_text())["shard"] == f"{k}/3"
        outs.append(str(out))
    merged = _kit("gradebook", "merge", *outs, "--out", str(tmp_path / "merged"), repo=repo)
    assert merged.returncode == 0, merged.stderr
    assert "5 students" in merged.stdout
    one = (tmp_path / "whole" / "gradebook.csv").read_text()
    assert (tmp_path / "merged" / "gradebook.csv").read_text() == one
    assert [row.split(",")[0] for row in one.splitlines()[1:]] == ["ada", "bob", "cy", "dee", "eve"]
    for student in ("ada", "bob", "cy", "dee", "eve"):
        for report in ("results.json", "scoreboard.txt", "report.html"):
            alone = (tmp_path / "whole" / student / report).read_text()
            assert (tmp_path / "merged" / student / report).read_text() == alone, student
    whole_page = (tmp_path / "whole" / "index.html").read_text()
    assert (tmp_path / "merged" / "index.html").read_text() == whole_page
