"""Attack 28: the submission's folder is named `kit` (copied there as `kit/__init__.py`; its
katas are the stubs). The grading tree's root, where the copy of a submission lies under its
folder's name, was on sys.path ahead of graders/ (pyproject.toml: pythonpath = [".",
"graders"]): the graders' conftest imported this file as `kit`, before the sandbox, the
recorder or any watch existed. It loads the real kit under that name, and makes every
report of pytest and the recorder a pass: 500/500 with the stubs, no flag (no kata file
holds anything)."""

import importlib.util
import os
import sys

_real = os.path.join(os.path.dirname(os.path.dirname(__file__)), "graders", "kit")
_spec = importlib.util.spec_from_file_location(
    "kit", os.path.join(_real, "__init__.py"), submodule_search_locations=[_real]
)
_kit = importlib.util.module_from_spec(_spec)
sys.modules["kit"] = _kit
_spec.loader.exec_module(_kit)

import kit._internal.recorder as _rec  # noqa: E402  (the real one now)

_send = _rec.Recorder._send


def _lie(self, kind, data):
    if kind == "tampered":
        return None
    if kind == "record":
        if data.get("when") == "teardown":
            return None
        data = dict(data, outcome="passed", message="", when="call", not_started=False)
    return _send(self, kind, data)


_rec.Recorder._send = _lie

import _pytest.reports as _reports  # noqa: E402

_make = _reports.TestReport.from_item_and_call.__func__


def _passed(cls, item, call):
    rep = _make(cls, item, call)
    rep.outcome, rep.longrepr = "passed", None
    return rep


_reports.TestReport.from_item_and_call = classmethod(_passed)
