"""The example GitHub workflows in docs/ are hardened, and the lock file they install from
pins every grading package with hashes. (zizmor, and actionlint where installed, check the
workflows in `nox -s lint`.)"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from kit._internal.paths import REPO

WORKFLOWS = sorted((REPO / "docs").glob("*.yml"))
LOCK = REPO / "graders" / "requirements.lock"


# The reporter's v1 tag could not be resolved to a commit here; README says how to pin it.
def yaml_on(text: str) -> list[str]:
    """The events of a workflow's top-level ``on:`` (list or mapping form)."""
    inline = re.search(r"^on:\s*\[(.*)\]", text, re.MULTILINE)
    if inline:
        return [e.strip() for e in inline.group(1).split(",")]
    block = re.search(r"^on:.*\n((?:  .*\n|\s*\n)+)", text, re.MULTILINE)
    assert block, "a top-level on:"
    return re.findall(r"^  (\w+):", block.group(1), re.MULTILINE)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_hardened(workflow: Path) -> None:
    text = workflow.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", text, re.MULTILINE)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.match(r"\s+# v\d", comment), f"{action}: name the tag in a comment"
    checkouts = sum(1 for action, _ in uses if action.startswith("actions/checkout@"))
    kept = re.findall(r"^\s+persist-credentials: false$", text, re.MULTILINE)
    assert len(kept) == checkouts
    assert re.search(r"^    timeout-minutes: \d+$", text, re.MULTILINE)
    permissions = re.search(r"^permissions:\n((?:  .*\n)+)", text, re.MULTILINE)
    assert permissions, "workflow-level permissions"
    assert ": write" not in text and "write-all" not in text
    assert "--require-hashes -r katas/graders/requirements.lock" in text


def test_classroom_workflow_triggers_and_points() -> None:
    text = (REPO / "docs" / "github-classroom.yml").read_text(encoding="utf-8")
    assert set(yaml_on(text)) == {"push", "repository_dispatch"}
    assert "permissions:\n  contents: read\n" in text
    assert "timeout-minutes: 10" in text
    assert "token: ${{ secrets.KATAS_GRADERS_TOKEN || github.token }}" in text
    assert '--classroom "$GITHUB_ENV"' in text
    # Classroom's two notices, printed from what --classroom set, as its reporter v1 sends
    # them (notify-classroom.js: core.notice(text, {title})): no third-party action runs.
    assert 'echo "::notice title=Autograding complete::Points ${KATAS_POINTS:?no points}"' in text
    assert 'echo "::notice title=Autograding report::${KATAS_POINTS_SUMMARY:?no points}"' in text
    assert "uses: classroom-resources/" not in text
    # While grading runs, no printed line is a workflow command (a forged Points notice).
    grade = text[text.index("- name: Grade") : text.index("- name: Points for GitHub Classroom")]
    stop, resume = (
        grade.index('echo "::stop-commands::${marker}"'),
        grade.index('echo "::${marker}::"'),
    )
    assert stop < grade.index("-m kit grade") < resume
    assert "secrets.token_hex" in grade
    assert "--verify-graders" in text


def _requirements(group: list[str | dict[str, str]]) -> set[str]:
    names = set()
    for item in group:
        if isinstance(item, str):
            names.add(re.split(r"[<>=!~\[; ]", item, maxsplit=1)[0].lower())
    return names


def test_the_lock_pins_every_grading_package_with_hashes() -> None:
    groups = tomllib.loads((REPO / "pyproject.toml").read_text())["dependency-groups"]
    text = LOCK.read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.MULTILINE))
    assert _requirements(groups["grade"]) <= {name.lower() for name in pinned}
    # Every requirement is followed by at least one --hash (pip --require-hashes needs it).
    entries = re.split(r"^(?=[A-Za-z0-9])", text, flags=re.MULTILINE)
    for entry in filter(str.strip, entries):
        if entry.lstrip().startswith("#"):
            continue
        assert "--hash=sha256:" in entry, entry.splitlines()[0]


def test_the_lock_is_under_tamper_evidence() -> None:
    from kit._internal.integrity import grading_files

    assert LOCK in grading_files()
