"""Command line of the grading kit (the nox sessions call it).

python -m kit grade [KATA-or-TRACK ...] [options]   the scoreboard (see --help)
python -m kit sums [--write]                        digest of the grading files
"""

import sys

from . import grade, gradebook, integrity


def main(args: list[str]) -> int:
    """Dispatch to a sub-command; ``grade`` is the default."""
    if args[:1] == ["sums"]:
        if "--write" in args:
            print(f"wrote {integrity.write()}")
        problems = integrity.verify()
        print(f"graders sha256 {integrity.digest()}")
        for problem in problems:
            print(f"  {problem}")
        return 1 if problems else 0
    if args[:1] == ["gradebook"]:
        return gradebook.main(args[1:])
    if args[:1] == ["grade"]:
        args = args[1:]
    return grade.main(args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
