# ruff: noqa
"""Attack 5: run the reference solution (or a classmate's file, or git's copy) instead of
writing one."""

import subprocess
import sys
from pathlib import Path

KATA = "02_tasks/two_sleepers.py"


def _candidates():
    yield Path("solutions") / KATA
    yield Path("..") / "solutions" / KATA
    for top in [Path(sys.prefix), *Path(sys.prefix).parents, *Path(__file__).resolve().parents]:
        yield top / "solutions" / KATA
    for sibling in Path(__file__).resolve().parents[2].glob("*katas-victim*"):
        yield sibling / KATA
    for victim in Path("/tmp").glob("*/*/*/*katas-victim*"):
        yield victim / KATA


source = None
for path in _candidates():
    try:
        source = path.read_text()
        break
    except OSError:
        continue
if source is None:
    for top in [Path(sys.prefix), *Path(sys.prefix).parents]:
        try:
            source = (
                subprocess.run(
                    ["git", "-C", str(top), "show", f"HEAD:solutions/{KATA}"],
                    capture_output=True,
                    text=True,
                    timeout=10,
                ).stdout
                or None
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if source:
            break
if source is None:
    raise RuntimeError("found no reference to copy")
exec(source)
