"""Tamper evidence: the sha256 of the graders and kit that graded, and a check against the
committed list (graders/SHA256SUMS).

    python -m kit dev sums           print the digest of the grading files
    python -m kit dev sums --write   rewrite graders/SHA256SUMS after changing a grader
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from .paths import GRADERS, REPO

SUMS = GRADERS / "SHA256SUMS"


def grading_files() -> list[Path]:
    """Every file that decides a grade: graders, kit, manifest, the pinned grading packages
    (requirements.lock) and the pytest settings."""
    files = [
        p
        for p in GRADERS.rglob("*")
        if p.is_file() and p.suffix in (".py", ".toml", ".lock") and "__pycache__" not in p.parts
    ]
    return sorted([*files, REPO / "pyproject.toml"])


def sums() -> dict[str, str]:
    """Relative path -> sha256 of each grading file."""
    return {
        p.relative_to(REPO).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in grading_files()
    }


def digest(files: dict[str, str] | None = None) -> str:
    """One sha256 over all grading files (their paths and contents)."""
    lines = "".join(f"{h}  {path}\n" for path, h in sorted((files or sums()).items()))
    return hashlib.sha256(lines.encode()).hexdigest()


def write() -> Path:
    """Rewrite SHA256SUMS from the files as they are now."""
    SUMS.write_text("".join(f"{h}  {p}\n" for p, h in sorted(sums().items())), encoding="utf-8")
    return SUMS


def verify() -> list[str]:
    """Differences between the grading files and SHA256SUMS: empty when they match."""
    if not SUMS.is_file():
        return [f"{SUMS.relative_to(REPO)} is missing"]
    expected: dict[str, str] = {}
    for line in SUMS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            h, _, path = line.partition("  ")
            expected[path] = h
    actual = sums()
    problems = [
        f"changed: {p}" for p in sorted(expected) if p in actual and actual[p] != expected[p]
    ]
    problems += [f"missing: {p}" for p in sorted(set(expected) - set(actual))]
    problems += [f"not in SHA256SUMS: {p}" for p in sorted(set(actual) - set(expected))]
    return problems


def command(args: argparse.Namespace) -> int:
    """``python -m kit dev sums [--write]``: print the digest; list differences from SHA256SUMS."""
    if args.write:
        print(f"wrote {write().relative_to(REPO)}")
    problems = verify()
    print(f"graders sha256 {digest()}")
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0
