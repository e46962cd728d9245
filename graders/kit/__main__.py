"""Command line of the grading kit: ``python -m kit grade ...`` (nox -s grade calls it)."""

import sys

from .grade import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["grade"]:
        args = args[1:]
    raise SystemExit(main(args))
