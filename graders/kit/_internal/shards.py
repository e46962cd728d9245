"""Bigger classes on several machines: grade every Nth submission, then join the outputs.

``gradebook DIR --shard K/N`` grades the submissions K, K+N, K+2N, ... (1-based, in name
order) and writes its output folder as usual, plus ``shard.json`` (which shard, which
katas and their points, the graders' sha256, which katas each student passed).
``gradebook merge OUT... --out DIR`` joins shard outputs into one ``gradebook.csv`` (rows
in student order) with every student's reports and the class page ``index.html``, and
refuses outputs graded with different graders, katas or columns, or that share a student.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

from . import html
from .data import KataResult, Status
from .manifest import KataInfo

SHARD_FILE = "shard.json"
CSV_NAME = "gradebook.csv"


def parse(spec: str) -> tuple[int, int]:
    """ "2/3" -> (2, 3); raises ValueError unless 1 <= K <= N."""
    k, sep, n = spec.partition("/")
    if not sep or not k.strip().isdigit() or not n.strip().isdigit():
        raise ValueError(f"--shard wants K/N, e.g. 1/3, not {spec!r}")
    shard, count = int(k), int(n)
    if not 1 <= shard <= count:
        raise ValueError(f"--shard {spec}: K must be between 1 and N")
    return shard, count


def pick(folders: list[Path], spec: str) -> list[Path]:
    """The folders of shard K of N: every Nth in name order, starting at the Kth."""
    shard, count = parse(spec)
    return sorted(folders, key=lambda p: p.name)[shard - 1 :: count]


def describe(
    out: Path,
    spec: str,
    entries: list[KataInfo],
    graded: dict[str, list[KataResult]],
    digest: str,
    folder_of: dict[str, str],
) -> None:
    """Write ``shard.json`` into a shard's output folder (``folder_of``: each student's
    folder there, the name the CSV gives them)."""
    data = {
        "shard": spec,
        "katas": [e.id for e in entries],
        "entries": [{"id": e.id, "title": e.title, "points": e.points} for e in entries],
        "graders_sha256": digest,
        "students": [folder_of[s] for s in graded],
        "passed": {
            folder_of[s]: [r.info.id for r in rs if r.status is Status.PASS]
            for s, rs in graded.items()
        },
    }
    (out / SHARD_FILE).write_text(json.dumps(data, indent=2), encoding="utf-8")


def class_page(metas: list[dict[str, object]], dest: Path) -> Path | None:
    """The class page of merged shards, from what each shard.json says each student passed;
    None when an output has no such record (graded without --shard)."""
    if not metas or any(not isinstance(m.get("passed"), dict) for m in metas):
        return None
    raw = metas[0].get("entries")
    if not isinstance(raw, list):
        return None
    entries = [KataInfo(id=e["id"], title=e["title"], points=int(e["points"])) for e in raw]
    passed: dict[str, list[str]] = {}
    for meta in metas:
        passed.update(meta["passed"])  # type: ignore[call-overload]
    graded = {
        student: [
            KataResult(e, Status.PASS if e.id in passed[student] else Status.FAIL) for e in entries
        ]
        for student in sorted(passed)
    }
    links = {student: html.report_link(student) for student in graded}
    index = dest / "index.html"
    index.write_text(html.class_page(graded, entries, links), encoding="utf-8")
    return index


def _read(out: Path) -> tuple[list[str], list[list[str]], dict[str, object]]:
    path = out / CSV_NAME
    if not path.is_file():
        raise ValueError(f"{out} has no {CSV_NAME}: is it a gradebook output folder?")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise ValueError(f"{path} is empty")
    about = out / SHARD_FILE
    meta = json.loads(about.read_text(encoding="utf-8")) if about.is_file() else {}
    return rows[0], rows[1:], meta


def merge(outs: list[Path], dest: Path) -> int:
    """Join gradebook outputs into ``dest``; return the number of students."""
    header: list[str] | None = None
    digest: object = None
    rows: dict[str, list[str]] = {}
    folders: dict[str, Path] = {}
    metas: list[dict[str, object]] = []
    for out in outs:
        head, body, meta = _read(out)
        metas.append(meta)
        if header is None:
            header, digest = head, meta.get("graders_sha256")
        elif head != header:
            raise ValueError(f"{out} has other columns than {outs[0]}: graded other katas?")
        elif meta.get("graders_sha256") != digest:
            raise ValueError(f"{out} was graded with other graders than {outs[0]} (sha256)")
        for row in body:
            if row[0] in rows:
                raise ValueError(f"{row[0]} is in two outputs ({folders[row[0]]} and {out})")
            rows[row[0]] = row
            folders[row[0]] = out
    assert header is not None
    dest.mkdir(parents=True, exist_ok=True)
    with (dest / CSV_NAME).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for student in sorted(rows):
            writer.writerow(rows[student])
    for student, out in folders.items():
        reports = out / student
        if reports.is_dir() and reports.resolve() != (dest / student).resolve():
            shutil.copytree(reports, dest / student, dirs_exist_ok=True)
    if class_page(metas, dest) is None:
        print("no class page: an output has no shard.json (graded without --shard)")
    return len(rows)


def merge_command(args: argparse.Namespace) -> int:
    """``python -m kit gradebook merge OUT... [--out DIR]``."""
    outs = [Path(n).expanduser().resolve() for n in args.names]
    if not outs:
        print(
            "gradebook merge wants the shard output folders: merge OUT1 OUT2 ...", file=sys.stderr
        )
        return 2
    dest = Path(args.out).expanduser().resolve() if args.out else outs[0].parent / "gradebook"
    try:
        count = merge(outs, dest)
    except (ValueError, OSError) as exc:
        print(f"cannot merge: {exc}", file=sys.stderr)
        return 2
    print(f"merged {len(outs)} outputs, {count} students; wrote {dest / CSV_NAME}")
    return 0
