"""Instructors' own tests: a folder of plain pytest-asyncio files graded like built-in katas.

``--extra-tests DIR`` (grade and gradebook) adds every ``DIR/test_<name>.py`` as a kata with
the id ``extra/<name>``. ``DIR/points.toml`` says, per file, which kata's module the tests
get as the ``kata`` fixture, and how many points the file is worth::

    [fetch_all_duplicates]          # DIR/test_fetch_all_duplicates.py
    kata = "fetch_all"              # a kata name or id: the submission's module under test
    points = 5
    title = "fetch_all with repeated ids"   # optional

The tests are ordinary ``async def test_...`` functions marked for pytest-asyncio (a loop per
test: ``@pytest.mark.asyncio(loop_scope="function")``) and, for virtual time, looptime's
``@pytest.mark.looptime``. Each grading copies them into the private grading tree as
``graders/extra/`` (with a conftest that provides ``kata``), so they run in the same
sandbox, under the same budgets, with outcomes over the same trusted channel, and earn
points all-or-nothing per file like any kata.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import collected, integrity, isolation
from .manifest import KataInfo, catalogue
from .paths import GRADERS, kata_of

TRACK = "extra"
POINTS_FILE = "points.toml"
MODULES_FILE = "katas.json"  # in graders/extra/ of the grading tree: file stem -> kata id
CONFTEST = '"""Instructors\' extra tests: the kata fixture."""\n\nfrom kit._internal.extra_plugin import kata, pytest_runtest_call  # noqa: F401\n'  # noqa: E501
LOOPTIME_OFF = '"-p", "no:looptime_plugin", '
# The kit's own grader processes load the one pytest plugin they use, by name, and no other
# (NO_AUTOLOAD in their environment): not pytest-xdist, nor a plugin that a package in the
# venv brings (0.1 s a process). Instructors' tests are plain pytest: their processes load
# every installed plugin, as pytest does (looptime's needs pytest-asyncio's, by its name).
PLUGINS = ("-p", "timeout")
NO_AUTOLOAD = {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}


@dataclass(frozen=True)
class ExtraKata(KataInfo):
    """An instructor's test file, graded as a kata of the track ``extra``."""

    source: Path = field(default=Path())  # DIR/test_<name>.py
    module: str = ""  # the kata id whose submission module the tests get

    @property
    def grader(self) -> Path:
        """Where the file sits in the grading tree (it is copied there for each grading)."""
        return GRADERS / TRACK / f"test_{self.name}.py"


def load(folder: str | Path) -> list[ExtraKata]:
    """The extra katas of ``folder``; ValueError names what is wrong with it."""
    root = Path(folder).expanduser().resolve()
    if not root.is_dir():
        raise ValueError(f"--extra-tests: no such folder {root}")
    try:
        config = tomllib.loads((root / POINTS_FILE).read_text(encoding="utf-8"))
    except OSError:
        raise ValueError(f"--extra-tests: {root / POINTS_FILE} is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"--extra-tests: {root / POINTS_FILE}: {exc}") from None
    files = sorted(root.glob("test_*.py"))
    if not files:
        raise ValueError(f"--extra-tests: {root} holds no test_*.py files")
    cat = catalogue()
    katas: list[ExtraKata] = []
    for path in files:
        name = path.stem.removeprefix("test_")
        entry = config.get(name)
        if not isinstance(entry, dict):
            raise ValueError(f"--extra-tests: {POINTS_FILE} has no [{name}] for {path.name}")
        points = entry.get("points")
        if not isinstance(points, int) or isinstance(points, bool) or points < 0:
            raise ValueError(f"--extra-tests: [{name}] points must be a whole number")
        try:
            (target,) = cat.select([str(entry.get("kata", ""))])
        except (LookupError, ValueError):
            raise ValueError(
                f"--extra-tests: [{name}] kata = {entry.get('kata')!r} must name one kata"
            ) from None
        title = str(entry.get("title") or f"{target.name}: {name.replace('_', ' ')}")
        katas.append(
            ExtraKata(
                id=f"{TRACK}/{name}", title=title, points=points, source=path, module=target.id
            )
        )
    unused = sorted(set(config) - {k.name for k in katas})
    if unused:
        raise ValueError(f"--extra-tests: {POINTS_FILE} names no file for [{unused[0]}]")
    return katas


def of(entries: list[KataInfo]) -> list[ExtraKata]:
    """The extra katas among ``entries``."""
    return [e for e in entries if isinstance(e, ExtraKata)]


def install(entries: list[KataInfo], root: Path) -> None:
    """Copy the extra katas of ``entries`` into the grading tree at ``root`` as
    ``graders/extra/`` (tests, conftest, file -> kata map), and switch looptime's pytest
    plugin on there (its marker gives pytest-asyncio tests virtual time)."""
    extras = of(entries)
    if not extras:
        return
    folder = root / "graders" / TRACK
    folder.mkdir(mode=0o755, exist_ok=True)
    for kata in extras:
        shutil.copyfile(kata.source, folder / kata.source.name)
    (folder / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    modules = {k.name: k.module for k in extras}
    (folder / MODULES_FILE).write_text(json.dumps(modules), encoding="utf-8")
    settings = root / "pyproject.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(LOOPTIME_OFF, ""), encoding="utf-8"
    )
    for path in [folder, *folder.iterdir(), settings]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def expected(entries: list[KataInfo]) -> dict[str, list[str]]:
    """Kata id -> the check ids of each extra kata, from ``pytest --collect-only`` in a
    grading tree of their own (no learner code is loaded), kept by the files' content, the
    graders' and the Python (see collected.py): each grading of a class used to collect
    them again, 3 s of CPU time."""
    extras = of(entries)
    if not extras:
        return {}
    digest = hashlib.sha256()
    for kata in extras:
        digest.update(kata.source.name.encode() + b"\0" + kata.source.read_bytes() + b"\0")
    digest.update(integrity.digest().encode() + b"\0" + sys.executable.encode())
    found = collected.cached("extra|" + digest.hexdigest(), lambda: _collect(extras))
    return {k.id: list(found.get(k.id, [])) for k in extras}


def _collect(extras: list[ExtraKata]) -> dict[str, list[str]]:
    """Collect ``extras`` on a copy of graders/ without bytecode (nothing planted in
    graders/ is read), as the grader processes will run them."""
    with tempfile.TemporaryDirectory(prefix="katas-extra-") as tmp:
        root = Path(tmp)
        isolation.copy_graders(root)
        install(list(extras), root)
        cmd = [
            *(sys.executable, "-s", "-m", "pytest", "--collect-only", "-q", "--no-header"),
            *("-p", "no:randomly", "-p", "no:cacheprovider", "-c", str(root / "pyproject.toml")),
            f"--rootdir={root}",
            *(str(root / "graders" / TRACK / k.source.name) for k in extras),
        ]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
        env.update(PYTHONPATH=str(root / "graders"), PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run(
            cmd, cwd=root, capture_output=True, text=True, errors="replace", env=env, timeout=600
        )
    found: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        if line.startswith(f"graders/{TRACK}/") and "::" in line:
            found.setdefault(kata_of(line), []).append(line.strip())
    return found
