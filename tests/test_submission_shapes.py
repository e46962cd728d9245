"""Attacks on the shape of a submission (issue 8, attacks 33-41 of tests/hostile/README.md):
files that are not plain, folders too deep, names that are not UTF-8 or too long or that make
links, a submission folder that is a symlink, the grading user's terminals and the folder of
grading trees. Apart from test_integrity.py so that the two run side by side."""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from kit._internal import flags, isolation
from kit._internal.data import Status
from kit._internal.manifest import catalogue
from kit._internal.paths import REPO

from tests.hostile_support import (
    HOSTILE,
    USER_NAMESPACES,
    run_kit,
    student,
)


@pytest.mark.timeout(400)
def test_files_that_are_not_plain_are_not_copied(tmp_path: Path) -> None:
    """Attack 33 (tests/hostile/special_files): a FIFO in the submission ended ``grade`` with a
    traceback and no report; a device node with /dev/zero's numbers (as tar extracts it for
    root) was copied into the sandbox until the disk filled; a 100 GB sparse file was copied
    whole, and read whole by the scan. None is copied now: the kata file is graded as
    missing and flagged, the other katas as usual."""
    mallory = student(tmp_path / "mallory", None)
    tasks = mallory / "02_tasks"
    (tasks / "two_sleepers.py").unlink()
    os.mkfifo(tasks / "two_sleepers.py")
    os.mkfifo(tasks / "katas-victim-fifo")
    if os.geteuid() == 0:
        os.mknod(tasks / "katas-victim-zero", 0o644 | stat.S_IFCHR, os.makedev(1, 5))
    with (tasks / "katas-victim-sparse").open("wb") as handle:
        handle.truncate(100 << 30)
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    scores = {t["name"]: t["score"] for t in results["tests"]}
    assert sorted(scores.values()) == [0, 10], scores
    assert any("not a regular file" in f for f in results["flags"]["02_tasks/two_sleepers"])
    big = tmp_path / "big" / "02_tasks"
    big.mkdir(parents=True)
    with (big / "two_sleepers.py").open("wb") as handle:
        handle.truncate(100 << 30)
    found = flags.shared_code({"a": big.parent, "b": big.parent}, ["02_tasks/two_sleepers"])
    assert found == {}
    assert not isolation.copied(big / "two_sleepers.py")


@pytest.mark.timeout(400)
def test_a_submission_folder_that_is_a_symlink_is_not_graded(tmp_path: Path) -> None:
    """Attack 34 (tests/hostile/linked_folder): a student's folder in the gradebook's DIR that
    is a symlink to solutions/ was graded as the reference, every point and no flag (the
    reference itself is not reviewed); one to a classmate's folder as the classmate. It is not
    followed now, as no symlink in a submission is: no points, a sentence and a flag."""
    root = tmp_path / "class"
    student(root / "katas-victim-alice", None)
    (root / "mallory").symlink_to(REPO / "solutions", target_is_directory=True)
    (root / "mallory-too").symlink_to(root / "katas-victim-alice", target_is_directory=True)
    out = tmp_path / "katas-victim-out"
    proc = run_kit(["gradebook", str(root), "fetch_all", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr[-3000:]
    with (out / "gradebook.csv").open(newline="", encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert rows["katas-victim-alice"]["total"] == "10" and not rows["katas-victim-alice"]["flags"]
    for name in ("mallory", "mallory-too"):
        assert rows[name]["total"] == "0", rows[name]
        assert "symlink" in rows[name]["flags"], rows[name]
        assert "symlink" in (out / name / "scoreboard.txt").read_text(encoding="utf-8")


@pytest.mark.timeout(400)
def test_a_folder_named_in_bytes_that_are_not_utf8_is_graded_and_told_apart(
    tmp_path: Path,
) -> None:
    """Attack 35 (tests/hostile/odd_names): folders named in bytes that are not UTF-8 (an
    archive made on Windows) were shown with U+FFFD for each such byte: ``Jos\\xe9`` and
    ``Jos\\xea`` shared a row name and a report folder, and the later's reports replaced the
    other's. Each such byte is shown as its escape (``\\udce9``) now. Such a folder's grader
    processes also died in the sandbox's set-up (exit code 1): the reference earned nothing."""
    from kit._internal.gradebook import safe_name

    names = [
        os.fsdecode(b"Jos\xe9"),
        os.fsdecode(b"Jos\xea"),
        "Jos\ufffd",
        "Jos\\xe9",
        "Jos\\\\xe9",
        "Jos\xe9",
        "Jos\\udce9",
    ]
    shown = [safe_name(n) for n in names]
    assert len(set(shown)) == len(names), list(zip(names, shown, strict=True))
    assert safe_name(os.fsdecode(b"Jos\xe9")) == "Jos\\udce9"
    mallory = student(Path(os.fsdecode(bytes(tmp_path) + b"/katas-victim-Jos\xe9")), None)
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert [t["score"] for t in results["tests"]] == [10], results


def test_a_folder_name_too_long_once_made_safe_stops_no_page(tmp_path: Path) -> None:
    """Attack 36 (tests/hostile/odd_names): a folder named ``=`` and 254 more bytes (the most
    a name may have) got an apostrophe in front, as a formula does: its report folder could
    not be created, and the error stopped every classmate's page and the class page. Such a
    name is cut and told apart by a digest now, and one page that cannot be written stops
    no other."""
    from kit._internal import html
    from kit._internal.data import KataResult
    from kit._internal.gradebook import NAME_MAX, safe_name

    long_names = ["=" + "a" * 254, "=" + "a" * 253 + "b", "\x1b" * 200]
    shown = [safe_name(n) for n in long_names]
    assert len(set(shown)) == len(long_names)
    assert all(len(os.fsencode(s)) <= NAME_MAX for s in shown), shown
    entry = catalogue().select(["fetch_all"])[0]
    graded = {n: [KataResult(entry, Status.PASS)] for n in ("katas-victim-alice", "bob")}
    # a name no folder may have, as a caller could still pass: skipped, the rest written
    folder_of = {"katas-victim-alice": "katas-victim-alice", "bob": "b" * 300}
    html.write_class(tmp_path, graded, [entry], folder_of)
    assert (tmp_path / "katas-victim-alice" / "report.html").is_file()
    assert "katas-victim-alice" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_the_class_page_links_only_to_the_students_pages() -> None:
    """Attack 37 (tests/hostile/odd_names): a folder named ``javascript:alert(1)`` was a link
    on the class page whose click ran its script (``alert(1)/report.html``), and ``a#b`` a
    link that went nowhere. Links are relative and their names quoted now."""
    from kit._internal import html

    for name in ("javascript:alert(1)", "a#b", "a?b", '"><b>x'):
        link = html.report_link(name)
        assert link.startswith("./") and link.endswith("/report.html"), link
        assert not any(c in link[2:-12] for c in ':#?"<>'), link
    assert html.report_link("katas-victim-alice") == "./katas-victim-alice/report.html"


@pytest.mark.timeout(400)
def test_a_folder_too_deep_to_copy_by_recursion_is_graded(tmp_path: Path) -> None:
    """Attack 38 (tests/hostile/deep_folders): a folder 600 levels deep in the submission.
    Copying it into the sandbox (shutil.copytree recurses, two calls a level) ended ``grade``
    with a RecursionError and no report. The copy stops COPY_DEPTH folders down now, without
    recursion, and the katas are graded; the files a submission carries in vain are looked
    for without recursion too (``Path.rglob`` recursed on Python 3.11), and the first 20 named."""
    mallory = student(tmp_path / "mallory", None)
    here = mallory / "katas-victim-deep"
    here.mkdir()
    fd = os.open(here, os.O_RDONLY)
    try:  # relative to an open folder, one level at a time
        for _ in range(600):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    for i in range(1000):  # and many files the submission carries in vain
        (here / f"f{i}.pth").touch()
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert [t["score"] for t in results["tests"]] == [10, 10], results
    assert "and 980 more" in proc.stdout


def test_a_copy_holds_copy_total_bytes_at_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attack 49: each file of a submission was held to COPY_LIMIT, but not their sum: 30
    sparse files of 16 MiB (16 kB on the disk) became 481 MB in each sandbox, and 6,000 of
    them would fill the grading machine's disk under the classmates graded beside them. A
    copy holds COPY_TOTAL bytes and COPY_ENTRIES entries at most now, a level at a time: the
    kata files, one folder down, first."""
    monkeypatch.setattr(isolation, "COPY_TOTAL", 1 << 20)
    monkeypatch.setattr(isolation, "COPY_ENTRIES", 40)
    mallory = student(tmp_path / "mallory", None)
    padding = mallory / "padding" / "more"
    padding.mkdir(parents=True)
    for i in range(30):
        with open(padding / f"f{i}", "wb") as handle:
            handle.truncate(300 << 10)  # sparse: nothing on the disk
    isolation._copy_tree(mallory, tmp_path / "copy")
    copied = [p for p in (tmp_path / "copy").rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in copied) <= 1 << 20
    assert (tmp_path / "copy" / "02_tasks" / "two_sleepers.py").is_file()
    assert (tmp_path / "copy" / "02_tasks" / "fetch_all.py").is_file()
    for i in range(200):
        (mallory / "padding" / f"g{i:03}").touch()
    shutil.rmtree(tmp_path / "copy")
    isolation._copy_tree(mallory, tmp_path / "copy")
    assert len(list((tmp_path / "copy").rglob("*"))) <= 40
    assert (tmp_path / "copy" / "02_tasks" / "two_sleepers.py").is_file()


@pytest.mark.timeout(400)
def test_a_folder_too_deep_to_remove_by_recursion_is_removed(tmp_path: Path) -> None:
    """Attack 39 (tests/hostile/deep_in_its_copy): the kata makes a folder 1500 levels deep
    in its copy of the submission, the one place it may write. Removing the sandbox after
    grading (shutil.rmtree recurses) ended ``grade`` with a RecursionError: no report, and
    the private tree left on the disk. It is removed without recursion now."""
    name = f"mallory-{uuid.uuid4().hex}"  # its copy's name in the private tree
    mallory = student(tmp_path / name, "deep_in_its_copy")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert [t["score"] for t in results["tests"]][1] == 10, results
    left = list(Path(tempfile.gettempdir()).glob(f"katas-grade-*/s-*/{name}"))
    assert not left, "the private tree was left behind"
    assert not (mallory / "02_tasks" / "katas-victim-deep").exists()


@pytest.mark.timeout(400)
@pytest.mark.parametrize("isolation", ["root", "userns"])
def test_the_grading_users_terminals_are_hidden(tmp_path: Path, isolation: str) -> None:
    """Attack 40 (tests/hostile/writes_the_terminal): in a user namespace a grader process
    runs as the grading user, and a child of it (out of the audit hook's sight) wrote a
    cleared screen and a forged total to every terminal of that user (/dev/pts/N),
    control characters and all. /dev/pts is hidden in the sandbox now."""
    if isolation == "userns" and not USER_NAMESPACES:
        pytest.skip("no unprivileged user namespaces here")
    if isolation == "root" and (sys.platform != "linux" or os.geteuid() != 0):
        pytest.skip("grading as root only")
    import pty
    import select

    terminal, other_end = pty.openpty()  # the instructor's terminal, as the grading user's
    try:
        mallory = student(tmp_path / "mallory", "writes_the_terminal")
        report = tmp_path / "results.json"
        proc = run_kit(
            [
                *("grade", "two_sleepers", "--submission", str(mallory)),
                *("--jobs", "1", "--json", str(report)),
            ],
            env={"KATAS_ISOLATION": isolation},
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        written = b""
        while select.select([terminal], [], [], 0.2)[0]:
            written += os.read(terminal, 4096)
        assert b"KATAS-VICTIM-TTY" not in written, written
    finally:
        os.close(terminal)
        os.close(other_end)


@pytest.mark.timeout(400)
@pytest.mark.parametrize("isolation", ["root", "userns"])
def test_a_grader_process_cannot_list_the_grading_trees(tmp_path: Path, isolation: str) -> None:
    """Attack 41 (tests/hostile/reads_classmates_trees): in a user namespace, a kata listed
    the folder of every grading tree (the grading user's, so its own), found a classmate's
    tree begun after its own, and copied that classmate's code into its own copy: 30/30 with
    the stubs, unflagged. That folder is listable by no one now."""
    if isolation == "userns" and not USER_NAMESPACES:
        pytest.skip("no unprivileged user namespaces here")
    if isolation == "root" and (sys.platform != "linux" or os.geteuid() != 0):
        pytest.skip("grading as root only")
    root = tmp_path / "class"
    mallory = root / "a-mallory"  # graded first (it costs the most), beside b-early
    (mallory / "02_tasks").mkdir(parents=True)
    shutil.copytree(HOSTILE / "reads_classmates_trees", mallory, dirs_exist_ok=True)
    for name in ("two_sleepers", "fetch_all"):  # stubs, one comment added: worth grading
        stub = (REPO / "exercises" / "02_tasks" / f"{name}.py").read_text(encoding="utf-8")
        (mallory / "02_tasks" / f"{name}.py").write_text(stub + "# mine\n", encoding="utf-8")
    early = root / "b-early"  # fails at once, so that alice's grading begins after mallory's
    for kata in ("01_coroutines/hello_world", "02_tasks/two_sleepers", "02_tasks/fetch_all"):
        (early / kata).parent.mkdir(parents=True, exist_ok=True)
        (early / f"{kata}.py").write_text("def (:\n", encoding="utf-8")
    student(root / "c-katas-victim-alice", None)
    out = tmp_path / "katas-victim-out"
    proc = run_kit(
        [
            *("gradebook", str(root), "hello_world", "two_sleepers", "fetch_all"),
            *("--jobs", "2", "--out", str(out)),
        ],
        env={"KATAS_ISOLATION": isolation},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    with (out / "gradebook.csv").open(newline="", encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert rows["c-katas-victim-alice"]["total"] == "20", rows
    assert rows["a-mallory"]["02_tasks/two_sleepers"] == "0", rows["a-mallory"]
    assert rows["a-mallory"]["02_tasks/fetch_all"] == "0", rows["a-mallory"]
