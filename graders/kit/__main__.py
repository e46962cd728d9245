"""Command line of the grading kit (the nox sessions call it).

    python -m kit grade [KATA-or-TRACK ...] [options]   the scoreboard (see --help)
    python -m kit watch [--poll]                        regrade the current kata on save
    python -m kit hint KATA                             the next hint for a kata
    python -m kit reset KATA|TRACK|--all                restore stubs, backing up your files
    python -m kit solution KATA [--force]               the reference, once the kata passes
    python -m kit gradebook DIR [options]               grade a folder of submissions
    python -m kit sums [--write]                        digest of the grading files

Each command imports only what it needs: hint, reset and solution run on a bare Python.
"""

import sys


def main(args: list[str]) -> int:
    """Dispatch to a sub-command; ``grade`` is the default."""
    command, rest = (args[0], args[1:]) if args and not args[0].startswith("-") else ("", args)
    if command in ("hint", "reset", "solution"):
        from . import learn

        return learn.main(command, rest)
    if command == "watch":
        from . import watch

        return watch.main(rest)
    if command == "gradebook":
        from . import gradebook

        return gradebook.main(rest)
    if command == "sums":
        from . import integrity

        return integrity.main(rest)
    from . import grade

    return grade.main(rest if command == "grade" else args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
