"""Moved: ``python -m kit dev triangle KATA ...`` (kept until the helpers' work lands)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "graders"))

from kit._internal.cli import main

raise SystemExit(main(["dev", "triangle", *sys.argv[1:]]))
