"""The triangle: every solution passes its grader, every stub fails with "not implemented
yet", every kept wrong implementation fails with the message naming its mistake, and every
correct alternative passes. See kit/_internal/dev/triangle.py."""

from __future__ import annotations

import sys

import pytest
from kit._internal.dev import triangle
from kit._internal.manifest import catalogue

CATALOGUE = catalogue()
KATAS = [entry.id for entry in CATALOGUE.katas]
VARIANTS = [v for kata in KATAS for v in triangle.variants(kata)]


@pytest.fixture(scope="session")
def verdicts() -> dict[triangle.Variant, str]:
    """Grade every variant of every kata once, in rounds (one variant per kata per round)."""
    return triangle.check(KATAS)


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
    missing = [v.label for v in VARIANTS if v.kind == "wrong" and not v.expect]
    assert not missing, f"wrong answers with no EXPECT line: {missing}"


def test_ten_katas_have_alternative_correct_styles() -> None:
    with_alternatives = {v.kata for v in VARIANTS if v.kind == "alternative"}
    assert len(with_alternatives) >= 10, sorted(with_alternatives)


def test_runs_on_a_supported_python() -> None:
    assert sys.version_info >= (3, 11)
