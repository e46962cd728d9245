"""Tamper evidence: the sha256 of the graders and kit that graded, and a check against the
committed list (graders/SHA256SUMS).

    python -m kit dev sums           print the digest of the grading files
    python -m kit dev sums --write   rewrite graders/SHA256SUMS after changing a grader

``grade --verify-graders`` refuses to grade when a file under graders/ differs from
SHA256SUMS, is missing, or is not listed there (a planted ``pytest.ini``, ``conftest.py``
or ``__pycache__/*.pyc``), or when the grading Python would run extra code at start-up (a
``.pth`` file with an ``import`` line, a ``sitecustomize``). ``--verify-graders=SHA256``
checks against a digest given on the command line instead of the one in the tree: a CI
workflow can pin it, so that SHA256SUMS, which sits in the tree it checks, is not the only
witness.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import site
from pathlib import Path

from .paths import GRADERS, REPO

SUMS = GRADERS / "SHA256SUMS"


def grading_files(root: Path = REPO) -> list[Path]:
    """Every file that decides a grade: everything under graders/ (graders, kit, manifest,
    the pinned grading packages in requirements.lock, and anything else found there, such
    as a pytest.ini or a __pycache__) but SHA256SUMS itself, and the pytest settings."""
    graders = root / "graders"
    files = [p for p in graders.rglob("*") if p.is_file() and p != graders / "SHA256SUMS"]
    return sorted([*files, root / "pyproject.toml"])


def sums(root: Path = REPO) -> dict[str, str]:
    """Relative path -> sha256 of each grading file."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in grading_files(root)
    }


def digest(files: dict[str, str] | None = None) -> str:
    """One sha256 over all grading files (their paths and contents)."""
    lines = "".join(f"{h}  {path}\n" for path, h in sorted((files or sums()).items()))
    return hashlib.sha256(lines.encode()).hexdigest()


def write() -> Path:
    """Rewrite SHA256SUMS from the files as they are now (bytecode caches left out: a clean
    checkout has none, and --verify-graders refuses them)."""
    listed = {p: h for p, h in sums().items() if "__pycache__" not in p and not p.endswith(".pyc")}
    SUMS.write_text("".join(f"{h}  {p}\n" for p, h in sorted(listed.items())), encoding="utf-8")
    return SUMS


def verify(expected_digest: str | None = None, root: Path = REPO) -> list[str]:
    """Differences between the grading files and SHA256SUMS (or, given ``expected_digest``,
    the digest it names), and code the grading Python would run on its own (.pth files,
    sitecustomize): empty when all is as committed."""
    actual = sums(root)
    problems: list[str] = []
    if expected_digest is not None:
        if digest(actual) != expected_digest.strip().lower():
            problems.append(f"the graders' sha256 is {digest(actual)}, not {expected_digest}")
    sums_file = root / "graders" / "SHA256SUMS"
    if not sums_file.is_file():
        return [*problems, "graders/SHA256SUMS is missing"]
    expected: dict[str, str] = {}
    for line in sums_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            h, _, path = line.partition("  ")
            expected[path] = h
    problems += [
        f"changed: {p}" for p in sorted(expected) if p in actual and actual[p] != expected[p]
    ]
    problems += [f"missing: {p}" for p in sorted(set(expected) - set(actual))]
    problems += [f"not in SHA256SUMS: {p}" for p in sorted(set(actual) - set(expected))]
    return problems + python_problems()


# .pth files that installers put in a venv: their one executable line is known.
KNOWN_PTH = {
    "distutils-precedence.pth": "import os; var = 'SETUPTOOLS_USE_DISTUTILS'",
    "_virtualenv.pth": "import _virtualenv",
}


def python_problems(site_dirs: list[Path] | None = None) -> list[str]:
    """Code the grading Python runs at start-up besides its own: a .pth file with an
    ``import`` line (other than the installers' known ones), a sitecustomize or
    usercustomize module."""
    if site_dirs is None:
        dirs = [*site.getsitepackages(), site.getusersitepackages()]
        site_dirs = [Path(d) for d in dict.fromkeys(dirs)]
    problems: list[str] = []
    for folder in site_dirs:
        if not folder.is_dir():
            continue
        for pth in sorted(folder.glob("*.pth")):
            try:
                lines = pth.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            run = [line for line in lines if line.startswith(("import ", "import\t"))]
            known = KNOWN_PTH.get(pth.name)
            if run and not (known and all(line.startswith(known) for line in run)):
                problems.append(f"runs code at start-up: {pth}")
        for name in ("sitecustomize", "usercustomize"):
            for found in (folder / f"{name}.py", folder / name):
                if found.exists():
                    problems.append(f"runs code at start-up: {found}")
    if site_dirs and site_dirs[0].is_dir():
        for name in ("sitecustomize", "usercustomize"):
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec else None
            if origin and not any(Path(origin).is_relative_to(d) for d in site_dirs):
                problems.append(f"runs code at start-up: {origin}")
    return sorted(set(problems))


def command(args: argparse.Namespace) -> int:
    """``python -m kit dev sums [--write]``: print the digest; list differences from SHA256SUMS."""
    if args.write:
        print(f"wrote {write().relative_to(REPO)}")
    problems = verify()
    print(f"graders sha256 {digest()}")
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0
