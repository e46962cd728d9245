"""``python -m kit``: the kit's command line (see kit._internal.cli)."""

import sys

from ._internal.cli import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
