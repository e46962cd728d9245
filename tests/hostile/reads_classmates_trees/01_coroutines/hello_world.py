"""Attack 41: in a user namespace a grader process runs as the grading user, who owns the
folder that holds every grading tree of a gradebook: it listed that folder, found the trees
of classmates whose grading began after its own (no hiding mount covered them), and copied
their two_sleepers and fetch_all into its own copy, which its later checks load: every point,
no flag (the scan had read the stubs; the classmates' comparison reads the folders handed in).
"""

import asyncio
import shutil
import time
from pathlib import Path

_mine = Path(__file__).resolve().parents[1]
_trees = _mine.parents[1]
_taken = []
_until = time.monotonic() + 15
while not _taken and time.monotonic() < _until:
    for _copy in _trees.glob("*/*/02_tasks"):
        if _copy.parent == _mine:
            continue
        try:
            for _name in ("two_sleepers.py", "fetch_all.py"):
                shutil.copyfile(_copy / _name, _mine / "02_tasks" / _name)
            _taken.append(_copy.parent.name)
        except OSError:
            continue
    if not _taken:
        time.sleep(0.5)


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    print("hello")
    await asyncio.sleep(1)
    print("world")
