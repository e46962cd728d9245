"""The learner's helpers: progress, hints, resetting a kata, and the reference solution.

Standard library only, so ``nox -s hint`` and friends run without a virtual environment.
Progress lives in ``.katas/progress.json`` (ignored by git): each kata's last grade on
``exercises/`` and how many of its hints were shown.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from .data import Status
from .manifest import KataInfo, catalogue
from .paths import GRADERS, REPO, STATE, display

PROGRESS = STATE / "progress.json"
STUBS = GRADERS / "stubs.json"  # the original stubs, written by python -m kit dev check --fix
BACKUPS = STATE / "backups"


def load_progress() -> dict[str, Any]:
    """The saved progress ({"status": {kata: status}, "hints": {kata: shown}})."""
    try:
        data = json.loads(PROGRESS.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    data.setdefault("status", {})
    data.setdefault("hints", {})
    return data


def save_progress(data: dict[str, Any]) -> None:
    """Write progress atomically."""
    STATE.mkdir(exist_ok=True)
    tmp = PROGRESS.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(PROGRESS)


def record_statuses(statuses: dict[str, Status]) -> None:
    """Remember the latest grade of some katas."""
    data = load_progress()
    data["status"].update(statuses)
    data["graded_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    save_progress(data)


def one_kata(name: str) -> KataInfo:
    """The kata called ``name``; raises LookupError with a one-line explanation."""
    cat = catalogue()
    matches = [k for k in cat.katas if name.strip().removesuffix(".py") in (k.name, k.id)]
    if not matches:
        close = cat.suggest(name, tracks=False)
        also = f" Did you mean: {', '.join(close)}?" if close else ""
        raise LookupError(f"unknown kata: {name}.{also} (nox -s grade -- --list shows them all)")
    return matches[0]


def hint(entry: KataInfo) -> str:
    """The next hint for ``entry`` (the first call shows hint 1, then 2, ...)."""
    data = load_progress()
    shown = min(int(data["hints"].get(entry.id, 0)) + 1, len(entry.hints))
    if not entry.hints:
        return f"{entry.name} has no hints yet: its docstring is the whole story."
    data["hints"][entry.id] = shown
    save_progress(data)
    text = f"Hint {shown}/{len(entry.hints)} for {entry.name} ({entry.title}):\n"
    text += f"  {entry.hints[shown - 1]}"
    if shown == len(entry.hints):
        text += (
            f"\nThat was the last hint. The track's README links the docs; the reference "
            f"solution unlocks once the kata passes (nox -s solution -- {entry.name})."
        )
    else:
        text += f"\nStill stuck? Run it again for hint {shown + 1}."
    return text


def pristine_stubs() -> dict[str, str]:
    """Kata id -> its original stub, from graders/stubs.json (no git history needed: a zip
    works too); empty when the file is missing or broken."""
    try:
        stubs = json.loads(STUBS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stubs, dict):
        return {}
    return {k: v for k, v in stubs.items() if isinstance(v, str)}


def pristine_stub(info: KataInfo) -> str | None:
    """The original stub of ``info`` (see pristine_stubs)."""
    return pristine_stubs().get(info.id)


def reset(entries: list[KataInfo]) -> list[str]:
    """Restore the stubs of ``entries``, backing up the learner's files; one line per kata."""
    lines: list[str] = []
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = load_progress()
    for entry in entries:
        path = REPO / "exercises" / f"{entry.id}.py"
        stub = pristine_stub(entry)
        if stub is None:
            lines.append(
                f"cannot reset {entry.name}: graders/stubs.json has no original stub for it "
                f"(git checkout -- {display(path)} restores the last committed version)"
            )
            continue
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == stub:
            lines.append(f"{entry.name}: already the original stub")
            continue
        if current is not None:
            backup = BACKUPS / f"{entry.id.replace('/', '__')}.{stamp}.py"
            backup.parent.mkdir(parents=True, exist_ok=True)
            backup.write_text(current, encoding="utf-8")
            saved = f" (your version is in {display(backup)})"
        else:
            saved = ""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(stub, encoding="utf-8")
        data["status"][entry.id] = "not started"
        lines.append(f"{entry.name}: restored {display(path)}{saved}")
    save_progress(data)
    return lines


def solution(entry: KataInfo, force: bool) -> tuple[int, str]:
    """The reference solution and why it works, once the kata passed (or with force)."""
    status = load_progress()["status"].get(entry.id, "not graded")
    if status != "pass" and not force:
        return 1, (
            f"the solution of {entry.name} unlocks once your kata passes (last grade: {status}). "
            f"Grade it with `nox -s grade -- {entry.name}`, or look anyway with "
            f"`nox -s solution -- {entry.name} --force`."
        )
    path = REPO / "solutions" / f"{entry.id}.py"
    text = f"# {display(path)}\n\n{path.read_text(encoding='utf-8')}"
    if entry.why:
        text += f"\nWhy this works: {entry.why}\n"
    return 0, text


def hint_command(args: argparse.Namespace) -> int:
    """``python -m kit hint KATA``."""
    try:
        info = one_kata(args.name)
    except LookupError as exc:
        print(exc.args[0], file=sys.stderr)
        return 2
    print(hint(info))
    return 0


def reset_command(args: argparse.Namespace) -> int:
    """``python -m kit reset KATA|TRACK ...|--all``."""
    if not args.names and not args.all:
        print("reset what? name katas or tracks, or --all", file=sys.stderr)
        return 2
    try:
        infos = list(catalogue().katas) if args.all else catalogue().select(args.names)
    except LookupError as exc:
        print(f"unknown kata or track: {exc.args[0]}", file=sys.stderr)
        return 2
    print("\n".join(reset(infos)))
    return 0


def solution_command(args: argparse.Namespace) -> int:
    """``python -m kit solution KATA [--force]``."""
    try:
        info = one_kata(args.name)
    except LookupError as exc:
        print(exc.args[0], file=sys.stderr)
        return 2
    code, text = solution(info, args.force)
    print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code
