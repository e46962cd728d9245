"""The ``kata`` fixture of instructors' extra tests, and their failure sentences.

Imported by the conftest that extra.install writes into ``graders/extra/`` of a grading
tree, so it applies to the extra tests only.
"""

from __future__ import annotations

import json
from collections.abc import Generator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ..kata import load
from ..outcomes import not_started
from .paths import display, resolve_target


class Submission:
    """The submission's module for one test: ``kata.fetch_all`` is its ``fetch_all``.
    ``kata.module`` is the module itself (for ``monkeypatch.setattr(kata.module, ...)``)."""

    runs: tuple[()] = ()  # what the recorder reads of a built-in kata: nothing here

    def __init__(self, module: ModuleType) -> None:
        object.__setattr__(self, "module", module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)

    def __repr__(self) -> str:
        return f"<submission module {self.module.__name__}>"

    module: ModuleType


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> Submission:
    """The submission's module that this test file checks (see points.toml), loaded afresh
    for each test; a syntax or import error fails the test with the usual sentence."""
    path = request.node.path
    modules = json.loads((path.parent / "katas.json").read_text(encoding="utf-8"))
    kata_id = modules[path.stem.removeprefix("test_")]
    target = resolve_target(request.config.getoption("--target"))
    return Submission(load(kata_id, target).module)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """A failed ``assert`` reads as one line: the check's docstring (or name) and what the
    assertion saw, never a traceback; a stub's NotImplementedError is "not implemented yet"
    (the kata counts as not started), as with the built-in graders."""
    try:
        return (yield)
    except NotImplementedError:
        kata = getattr(item, "funcargs", {}).get("kata")
        module = getattr(kata, "module", None)
        where = getattr(module, "__file__", None) or "your kata"
        not_started(display(Path(where)) if where != "your kata" else where)
    except AssertionError as exc:
        doc = (getattr(getattr(item, "obj", None), "__doc__", None) or "").strip()
        what = doc.splitlines()[0] if doc else item.name
        seen = str(exc).strip().splitlines()[0] if str(exc).strip() else "an assertion failed"
        pytest.fail(f"{what}: {seen}", pytrace=False)
