"""Shared by every grader: the --target option, the ``kata`` fixture and the report plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit.manifest import catalogue
from kit.report import Recorder, kata_of
from kit.targets import Kata, load, resolve_target


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("katas")
    group.addoption(
        "--target",
        default=None,
        help="what to grade: exercises (default), solutions, or a folder laid out like exercises/",
    )
    group.addoption("--kata-report", default=None, help="write one JSON record per test here")


def pytest_configure(config: pytest.Config) -> None:
    report = config.getoption("--kata-report")
    if report:
        config.pluginmanager.register(Recorder(Path(report)), "kata-report")


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> Kata:
    """The module of this grader's kata, loaded afresh from the target for each test."""
    kata_id = kata_of(request.node.nodeid)
    entry = catalogue().entry(kata_id)
    target = resolve_target(request.config.getoption("--target"))
    return load(kata_id, target, entry.signatures if entry else {})
