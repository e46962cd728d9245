"""The triangle: every solution passes its grader, every stub fails with "not implemented
yet", every kept wrong implementation fails with the message naming its mistake, and every
correct alternative passes. See kit/_internal/dev/triangle.py.

Solutions and stubs are graded on every Python; so are the wrong answers that are wrong only
before some Python (``WRONG_BEFORE``) or caught only from some Python on (``CAUGHT_SINCE``).
The other wrong answers of each kata take turns: the first on 3.11, the second on 3.12, the
third on 3.13, and so on (a kata with fewer than three has them graded everywhere), so that
``nox -s tests`` on the three Pythons grades each once, and every grader meets wrong answers on
every Python. They take three quarters of the triangle's time (634 of 865 s of checks, 839 of
1,087 files), and the triangle half of each Python's CPU time: on all three Pythons each, CI
took 21 to 22 minutes on 2 cores, over its 20. The alternatives take turns the same way (since
2026-12-02: 169 of them, each running every check of its grader, took CI to 18.5 minutes on all
three Pythons); the reference solution still meets every grader on every Python.
``KATAS_ALL_SLOW=1`` grades every wrong answer and alternative on every Python, and ``python -m
kit dev triangle`` grades them all on the Python it runs on."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from kit._internal.dev import triangle
from kit._internal.manifest import catalogue

from tests.conftest import PYTHONS

CATALOGUE = catalogue()
KATAS = [entry.id for entry in CATALOGUE.katas]
ALL_VARIANTS = [v for kata in KATAS for v in triangle.variants(kata)]


def turns() -> dict[Path, tuple[int, int]]:
    """Each wrong answer or alternative that takes turns -> the Python that grades it: by its
    sorted order among its kata's of its kind (WRONG_BEFORE and CAUGHT_SINCE ones left out,
    so the same on every Python)."""
    found: dict[Path, tuple[int, int]] = {}
    for kata in KATAS:
        for kind in ("wrong", "alternatives"):
            paths = [
                path
                for path in sorted((triangle.TESTS / kind / kata).glob("*.py"))
                if not any(
                    line.search(path.read_text(encoding="utf-8"))
                    for line in (triangle.WRONG_BEFORE_LINE, triangle.CAUGHT_SINCE_LINE)
                )
            ]
            if len(paths) >= len(PYTHONS):
                found.update({path: PYTHONS[i % len(PYTHONS)] for i, path in enumerate(paths)})
    return found


TURNS = turns()


def graded_here(variant: triangle.Variant) -> bool:
    """Whether this Python grades ``variant`` (see the module's docstring)."""
    here = sys.version_info[:2]
    taking_turns = variant.kind in ("wrong", "alternative")
    if not taking_turns or os.environ.get("KATAS_ALL_SLOW") or here not in PYTHONS:
        return True
    return TURNS.get(variant.path, here) == here


VARIANTS = [v for v in ALL_VARIANTS if graded_here(v)]


@pytest.fixture(scope="session")
def verdicts() -> dict[triangle.Variant, str]:
    """Grade every variant of every kata once, in rounds (one variant per kata per round)."""
    return triangle.check(KATAS, graded_here)


# The first test also grades every variant (the session fixture): minutes, not seconds.
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.label)
def test_grader_treats_variant_right(
    verdicts: dict[triangle.Variant, str], variant: triangle.Variant
) -> None:
    problem = verdicts[variant]
    assert not problem, f"{variant.label} ({variant.path.name}): {problem}"


@pytest.mark.parametrize("kata", KATAS)
def test_every_kata_is_complete(kata: str) -> None:
    """Stub, solution, grader, two or more wrong answers, and two or more hints."""
    kinds = [v.kind for v in triangle.variants(kata)]
    assert (triangle.REPO / "exercises" / f"{kata}.py").is_file()
    assert (triangle.REPO / "solutions" / f"{kata}.py").is_file()
    track, name = kata.split("/")
    assert (triangle.REPO / "graders" / track / f"test_{name}.py").is_file()
    assert kinds.count("wrong") >= 2, f"{kata} keeps {kinds.count('wrong')} wrong answers"
    entry = CATALOGUE.info(kata)
    assert entry is not None and len(entry.hints) >= 2, f"{kata} has fewer than 2 hints"
    assert entry.why, f"{kata} has no 'why' note"


def test_wrong_answers_name_their_mistake() -> None:
    """Each wrong answer says which message it expects."""
    missing = [v.label for v in ALL_VARIANTS if v.kind == "wrong" and not v.expect]
    assert not missing, f"wrong answers with no EXPECT line: {missing}"


def test_ten_katas_have_alternative_correct_styles() -> None:
    with_alternatives = {v.kata for v in ALL_VARIANTS if v.kind == "alternative"}
    assert len(with_alternatives) >= 10, sorted(with_alternatives)


def test_runs_on_a_supported_python() -> None:
    assert sys.version_info >= (3, 11)
