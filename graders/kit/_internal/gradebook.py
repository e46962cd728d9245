"""Grade a folder of submissions: a CSV gradebook and a report per student.

Every sub-folder of DIR is one student's submission, laid out like exercises/. Submissions
are graded side by side, one process each, six per core by default: most of a grader's
time is spent waiting on real clocks (sockets, subprocesses, threads), not computing. The output
folder gets ``gradebook.csv`` (student, each kata's points, total, possible, and the flags
for a human to review) and, per student, ``results.json`` (Exercism v3 with points) and
``scoreboard.txt``. Folder names and messages are made safe for terminals and spreadsheets.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from . import extra, flags, formats, html, hygiene, integrity, shards
from .data import KataResult, Status
from .hygiene import for_csv_cell, for_terminal, surrogates_shown
from .manifest import KataInfo, catalogue
from .orchestrate import estimated_cost, grade, isolation_note
from .scoreboard import bar
from .scoreboard import scoreboard as render


class Progress:
    """A progress bar on stderr (one line per submission when stderr is not a terminal)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.lock = total, 0, threading.Lock()
        self.tty = sys.stderr.isatty()
        self.start = time.perf_counter()

    def step(self, label: str) -> None:
        """Count one finished submission."""
        with self.lock:
            self.done += 1
            line = (
                f"[{bar(self.done / self.total, full='#', empty='.')}] {self.done}/{self.total} "
                f"{time.perf_counter() - self.start:5.1f} s  {label}"
            )
            sys.stderr.write(f"\r{line[:100]:<100}" if self.tty else line + "\n")
            if self.tty and self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def default_jobs() -> int:
    """Submissions graded at once: six per core (grading mostly waits), at most 48.
    Measured on 2 cores, the generated class of 20 (2026-12-01): 98 s with four per core,
    78 s with six, 78 s with eight (and 125 to 128 s of CPU time: the CPUs are busy 80% of
    the time). A submission waits about 20 s on real clocks (threads, subprocesses,
    sockets); with four per core, the class is three rounds of such waits."""
    return min(6 * (os.cpu_count() or 2), 48)


LINKED = "not graded: this submission's folder is a symlink, which grading does not follow"
LINKED_FLAG = "the submission's folder is a symlink (not graded)"


def grade_all(
    folders: list[Path], entries: list[KataInfo], jobs: int | None = None
) -> dict[str, list[KataResult]]:
    """Grade every folder; map student name to results."""
    progress = Progress(len(folders))
    out: dict[str, list[KataResult]] = {}
    for link in [f for f in folders if f.is_symlink()]:
        # A folder that is a symlink (to solutions/, to a classmate's folder) was graded as
        # what it points at: the reference's points, unflagged (a copy of the reference
        # is not reviewed). It is not followed, as no symlink in a submission is.
        out[link.name] = [KataResult(e, Status.FAIL, LINKED, flags=[LINKED_FLAG]) for e in entries]
        progress.step(f"{for_terminal(link.name)}: not graded (a symlink)")
    folders = [f for f in folders if not f.is_symlink()]
    # The costliest first (kata files done, real-clock ones most), so that no long
    # submission starts last and runs alone at the end; every other one grades its
    # real-clock katas first, so that submissions started together do not all wait on
    # clocks at the same time (with the CPU idle) and then all compute at once.
    costs = {folder: estimated_cost(entries, folder) for folder in folders}
    order = sorted(folders, key=lambda f: (-costs[f], f.name))
    with ThreadPoolExecutor(max_workers=jobs or default_jobs()) as pool:
        futures = {
            pool.submit(
                grade, entries, folder, jobs=1, spread=False, waits_first=i % 2 == 1
            ): folder
            for i, folder in enumerate(order)
        }
        for future in as_completed(futures):
            folder = futures[future]
            try:
                out[folder.name] = future.result()
            except Exception as exc:  # noqa: BLE001 - one folder must not stop the class
                why = for_terminal(f"this folder could not be graded: {exc}")
                out[folder.name] = [KataResult(e, Status.FAIL, why) for e in entries]
            score = sum(r.score for r in out[folder.name])
            progress.step(f"{safe_name(folder.name)}: {score}/{sum(e.points for e in entries)}")
    shared = flags.shared_code({f.name: f for f in folders}, [e.id for e in entries])
    for student, found in shared.items():
        for result in out.get(student, []):
            result.flags += found.get(result.info.id, [])
    return {name: out[name] for name in sorted(out)}


# What a gradebook writes beside the students' report folders.
OWN_FILES = (shards.CSV_NAME, "index.html", shards.SHARD_FILE)

NAME_MAX = 255  # bytes in a file name (Linux, macOS)


def safe_name(student: str) -> str:
    """A student's folder name as the CSV and the report folders show it: no control
    characters, no spreadsheet formula, and never the name of a file the gradebook writes
    beside them (a folder named ``index.html`` would stand where the class page goes): such
    a name gets a leading apostrophe, as a formula does."""
    # One name per folder: a backslash is doubled (``\\x1b`` written out is not ESC), and so
    # is a leading apostrophe (``'@bob`` is not ``@bob`` neutralised). A classmate who named
    # a folder ``'@bob`` shared @bob's row name and report folder, which the later overwrote.
    # A name that is not UTF-8 keeps its bytes' escapes (``\\udcff``), apart from U+FFFD.
    name = for_csv_cell(for_terminal(surrogates_shown(student.replace("\\", "\\\\"))))
    if student.startswith("'"):
        name = "'" + name
    name = "'" + name if name.casefold() in OWN_FILES else name
    if len(os.fsencode(name)) > NAME_MAX:
        # Made safe, a name of 255 bytes grew past what a folder may be named: its reports
        # could not be written, and its page stopped every classmate's and the class page.
        # Cut, and told apart from any other by a digest of the whole name.
        digest = hashlib.sha256(os.fsencode(student)).hexdigest()[:16]
        cut = os.fsencode(name)[: NAME_MAX - 40].decode("utf-8", "ignore")
        name = f"{cut}...{digest}"
    return name


def flag_summary(results: list[KataResult]) -> str:
    """The flags of a student's katas in one cell: ``kata: flag; flag | kata: flag``."""
    return " | ".join(f"{r.info.id}: {'; '.join(r.flags)}" for r in results if r.flags)


def write_csv(path: Path, entries: list[KataInfo], graded: dict[str, list[KataResult]]) -> None:
    """student, one column of points per kata, total, possible."""
    possible = sum(e.points for e in entries)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", *(e.id for e in entries), "total", "possible", "flags"])
        for student, results in graded.items():
            points = {r.info.id: r.score for r in results}
            total = sum(points.values())
            cells = [safe_name(student), *(points[e.id] for e in entries), total, possible]
            writer.writerow([*cells, for_csv_cell(for_terminal(flag_summary(results)))])


def command(args: argparse.Namespace) -> int:
    """``python -m kit gradebook``."""
    if args.folder == "merge" and not Path("merge").is_dir():
        return shards.merge_command(args)
    root = Path(args.folder).expanduser().resolve()
    if not root.is_dir():
        print(f"no such folder of submissions: {root}", file=sys.stderr)
        return 2
    cat = catalogue()
    try:
        entries = cat.select(args.names)
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])), file=sys.stderr)
        return 2
    if getattr(args, "extra_tests", None):
        try:
            entries = [*entries, *extra.load(args.extra_tests)]
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if folders and getattr(args, "shard", None):
        try:
            folders = shards.pick(folders, args.shard)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    elif not folders:
        print(f"{root} holds no submission folders", file=sys.stderr)
        return 2
    out = Path(args.out).resolve() if args.out else root.parent / "gradebook"
    out.mkdir(parents=True, exist_ok=True)

    print(f"graders sha256 {integrity.digest()}")
    start = time.perf_counter()
    graded = grade_all(folders, entries, args.jobs)
    elapsed = time.perf_counter() - start
    write_csv(out / "gradebook.csv", entries, graded)
    if getattr(args, "shard", None):
        folder_of = {s: safe_name(s) for s in graded}
        shards.describe(out, args.shard, entries, graded, integrity.digest(), folder_of)
    for student, results in graded.items():
        try:  # one student's reports never stop another's
            folder = out / safe_name(student)
            folder.mkdir(exist_ok=True)
            data = hygiene.json_safe(formats.exercism_v3(results))
            (folder / "results.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
            text = render(results, cat, root / student, io.StringIO())
            (folder / "scoreboard.txt").write_text(
                for_terminal(text, newlines=True) + "\n", encoding="utf-8"
            )
        except (OSError, ValueError) as exc:
            print(f"could not write the reports of {safe_name(student)}: {exc}", file=sys.stderr)
    try:  # the class page: pass rates, totals, a link to each student's page
        pages = html.write_class(out, graded, entries, {s: safe_name(s) for s in graded})
        print(f"wrote {pages}")
    except (OSError, ValueError) as exc:
        print(f"could not write the HTML pages: {exc}", file=sys.stderr)
    if note := isolation_note():
        print(f"note: {note}")
    flagged = sum(1 for results in graded.values() if any(r.flags for r in results))
    if flagged:
        print(f"{flagged} submission(s) flagged for review: see the flags column")
    print(f"graded {len(folders)} submissions in {elapsed:.1f} s; wrote {out / 'gradebook.csv'}")
    return 0
