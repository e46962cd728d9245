"""The kit's one command line: ``python -m kit COMMAND`` (the nox sessions call it).

    grade [KATA-or-TRACK ...] [options]   grade and print the scoreboard
    watch [KATA-or-TRACK ...] [--poll]    regrade the current kata on every save
    report [KATA-or-TRACK ...]            grade; write the HTML progress page
    hint KATA                             the next hint for a kata
    reset KATA|TRACK ...|--all            restore stubs, backing up the learner's files
    solution KATA [--force]               the reference, once the kata passes
    gradebook DIR [KATA-or-TRACK ...]     grade a folder of submissions (--shard K/N)
    gradebook merge OUT... [--out DIR]    join shard outputs into one gradebook
    bundle gradescope OUT.zip | template OUT   the Gradescope zip; the students' repo
    dev sums|check|graph|triangle|bench|mutants   contributors' tools

Each command imports only what it needs: hint, reset and solution run on a bare Python.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import cast

Command = Callable[[argparse.Namespace], int]


def _names(what: str = "katas or tracks (default: all)") -> argparse.ArgumentParser:
    """The parent parser every command shares for kata and track names."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("names", nargs="*", metavar="KATA-or-TRACK", help=what)
    return parent


def _command(module: str, function: str = "command") -> Command:
    """A command's body, imported only when it runs (``module`` is under kit._internal)."""

    def run(args: argparse.Namespace) -> int:
        body = getattr(importlib.import_module(f"kit._internal.{module}"), function)
        return cast(Command, body)(args)

    return run


def _grade(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ap = sub.add_parser(
        "grade", parents=[_names()], prog="nox -s grade --", help="grade katas; the scoreboard"
    )
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--target", default=None, help="exercises (default), solutions or a folder")
    where.add_argument(
        "--submission", default=None, help="a student's folder laid out like exercises/"
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="show pytest's full output")
    ap.add_argument("--strict", action="store_true", help="exit 1 unless every kata passes")
    ap.add_argument("--list", action="store_true", help="list katas with their last grade")
    ap.add_argument(
        "--timeline", action="store_true", help="draw each kata's timeline, passing ones too"
    )
    ap.add_argument(
        "--jobs", type=int, default=None, help="processes at once (default: 2 per core)"
    )
    ap.add_argument("--json", help="write Exercism v3 results (with GitHub Classroom points)")
    ap.add_argument("--junit", help="write JUnit XML")
    ap.add_argument("--gradescope", help="write Gradescope results.json")
    ap.add_argument(
        "--extra-tests",
        metavar="DIR",
        default=None,
        help="also grade your own pytest-asyncio tests in DIR (points in DIR/points.toml)",
    )
    ap.add_argument(
        "--classroom",
        metavar="ENV_FILE",
        help='append the GitHub Classroom reporter\'s results to ENV_FILE ("$GITHUB_ENV")',
    )
    ap.add_argument(
        "--verify-graders",
        nargs="?",
        const=True,
        default=False,
        metavar="SHA256",
        help="refuse to grade unless graders and kit match graders/SHA256SUMS (or this sha256), "
        "and the grading Python runs no extra start-up code (.pth, sitecustomize)",
    )
    ap.set_defaults(run=_command("grading"))


def _learner(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ap = sub.add_parser(
        "watch", parents=[_names()], prog="nox -s watch --", help="regrade on every save"
    )
    ap.add_argument("--poll", action="store_true", help="poll for changes (WSL, network drives)")
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
    ap.add_argument("--target", default=None, help="folder to watch (default: exercises)")
    ap.add_argument(
        "--edit", action="store_true", help="open the kata in $VISUAL/$EDITOR (or VS Code)"
    )
    ap.set_defaults(run=_command("watch"))

    ap = sub.add_parser(
        "report", parents=[_names()], prog="nox -s report --", help="grade; an HTML progress page"
    )
    ap.add_argument("--target", default=None, help="exercises (default), solutions or a folder")
    ap.add_argument("--out", default=None, help="where to write (default: .katas/report.html)")
    ap.set_defaults(run=_command("html"))

    ap = sub.add_parser("hint", prog="nox -s hint --", help="the next hint for a kata")
    ap.add_argument("name", metavar="KATA", help="the kata")
    ap.set_defaults(run=_command("learn", "hint_command"))

    ap = sub.add_parser(
        "reset",
        parents=[_names(what="katas or tracks to restore")],
        prog="nox -s reset --",
        help="restore stubs (your files are backed up)",
    )
    ap.add_argument("--all", action="store_true", help="restore every kata")
    ap.set_defaults(run=_command("learn", "reset_command"))

    ap = sub.add_parser(
        "solution", prog="nox -s solution --", help="the reference solution, once it passes"
    )
    ap.add_argument("name", metavar="KATA", help="the kata")
    ap.add_argument("--force", action="store_true", help="show it before the kata passes")
    ap.set_defaults(run=_command("learn", "solution_command"))


def _gradebook(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ap = sub.add_parser("gradebook", prog="nox -s gradebook --", help="grade a class")
    ap.add_argument("folder", help="a folder with one sub-folder per submission")
    ap.add_argument(
        "names", nargs="*", metavar="KATA-or-TRACK", help="katas or tracks (default: all)"
    )
    ap.add_argument("--out", default=None, help="where to write (default: FOLDER/../gradebook)")
    ap.add_argument(
        "--jobs", type=int, default=None, help="submissions at once (default: 6 per core)"
    )
    ap.add_argument(
        "--shard",
        metavar="K/N",
        default=None,
        help="grade every Nth submission from the Kth (join outputs: gradebook merge OUT...)",
    )
    ap.add_argument(
        "--extra-tests",
        metavar="DIR",
        default=None,
        help="also grade your own pytest-asyncio tests in DIR (points in DIR/points.toml)",
    )
    ap.set_defaults(run=_command("gradebook"))


def _bundle(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ap = sub.add_parser(
        "bundle", help="what an instructor hands out: the Gradescope zip, the students' repo"
    )
    ap.add_argument(
        "what",
        choices=["gradescope", "template"],
        help="gradescope: the autograder zip; template: the students' repository",
    )
    ap.add_argument("out", metavar="OUT", help="the zip file, or the (new) folder")
    ap.add_argument(
        "--graders",
        metavar="ORG/REPO@SHA",
        default=None,
        help="template: the graders' repository and commit the workflow checks out",
    )
    ap.set_defaults(run=_command("bundles"))


def _dev(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dev = sub.add_parser("dev", help="contributors' tools").add_subparsers(
        dest="tool", required=True, metavar="TOOL"
    )
    ap = dev.add_parser("sums", help="digest of the grading files; --write refreshes SHA256SUMS")
    ap.add_argument("--write", action="store_true", help="rewrite graders/SHA256SUMS")
    ap.set_defaults(run=_command("integrity"))

    ap = dev.add_parser("check", help="every file maps to the manifest, and back")
    ap.add_argument("--fix", action="store_true", help="rewrite stubs.json and the README table")
    ap.set_defaults(run=_command("dev.check"))

    ap = dev.add_parser("graph", help="the kit's import graph; fails on a cycle")
    ap.set_defaults(run=_command("dev.graph"))

    ap = dev.add_parser(
        "triangle", parents=[_names()], help="grade solutions, stubs, wrong and alternative code"
    )
    ap.set_defaults(run=_command("dev.triangle"))

    ap = dev.add_parser(
        "bench", parents=[_names()], help="grading speed and the virtual-time speed-up"
    )
    ap.add_argument("--target", default="solutions", help="what to grade (default: solutions)")
    ap.add_argument("--repeat", type=int, default=3, help="runs to take the median of")
    ap.add_argument("--batch", type=int, default=0, help="grade a generated class of N instead")
    ap.add_argument("--watch", action="store_true", help="only time watch, save to screen")
    ap.add_argument(
        "--suite", action="store_true", help="run the test suite once: where its time goes"
    )
    ap.set_defaults(run=_command("dev.bench"))

    ap = dev.add_parser(
        "mutants", parents=[_names()], help="mutation testing: do the graders kill planted bugs?"
    )
    ap.add_argument("--list", action="store_true", help="list the mutants, grade nothing")
    ap.add_argument("--show", metavar="ID", help="print one mutant's diff and source")
    ap.add_argument("--operators", default="", help="comma-separated operator names or prefixes")
    ap.add_argument(
        "--jobs", type=int, default=0, help="pytest processes at once (default: 2 per core)"
    )
    ap.add_argument("--chunk", type=int, default=16, help="katas per pytest process (default: 16)")
    ap.add_argument("--min-score", type=float, default=95.0, help="exit 1 below it (default: 95)")
    ap.add_argument("--markdown", help="also write the score table as Markdown to this file")
    ap.add_argument("--json", help="also write every outcome as JSON to this file")
    ap.set_defaults(run=_command("dev.mutants"))


def parser() -> argparse.ArgumentParser:
    """The whole command line."""
    ap = argparse.ArgumentParser(
        prog="python -m kit", description="asyncio-katas: grade, learn, and maintain the katas."
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _grade(sub)
    _learner(sub)
    _gradebook(sub)
    _bundle(sub)
    _dev(sub)
    return ap


# Commands that run graders: on native Windows they stop at once with one line (NATIVE_WINDOWS).
GRADING = {"grade", "watch", "report", "gradebook", "dev"}
NATIVE_WINDOWS = (
    "asyncio-katas grades on Linux and macOS; on Windows, run it inside WSL "
    "(https://learn.microsoft.com/windows/wsl/install). hint, reset and solution work here; "
    "KATAS_NATIVE_WINDOWS=1 tries grading anyway (untested)."
)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser().parse_args(argv)
    if (
        sys.platform == "win32"
        and args.command in GRADING
        and not os.environ.get("KATAS_NATIVE_WINDOWS")
    ):
        print(NATIVE_WINDOWS, file=sys.stderr)
        return 2
    return cast(Command, args.run)(args)
