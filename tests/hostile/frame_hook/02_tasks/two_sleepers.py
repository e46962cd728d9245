# ruff: noqa
"""Attack 4: find pytest's config (frames, then the garbage collector) and register a hook
that turns every report into a pass."""

import gc
import sys

import pytest


class _Forge:
    @pytest.hookimpl(hookwrapper=True, trylast=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        report.outcome = "passed"
        report.longrepr = None


def _config():
    frame = sys._getframe()
    while frame is not None:
        found = frame.f_locals.get("config")
        if found is not None and hasattr(found, "pluginmanager"):
            return found
        frame = frame.f_back
    for obj in gc.get_objects():
        if type(obj).__name__ == "Config" and hasattr(obj, "pluginmanager"):
            return obj
    return None


config = _config()
if config is not None and not config.pluginmanager.has_plugin("forge"):
    config.pluginmanager.register(_Forge(), "forge")


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    return 0.0
