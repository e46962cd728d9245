# ruff: noqa
"""Attack 9: a message and output that would crash the reports (a lone surrogate), make
XML not well-formed (NUL, ESC), or draw a fake total on the instructor's terminal."""

FAKE = (
    "\x1b[2J\x1b[H\x1b[1mTotal 500/500\x1b[0m  Every kata here passes. Well done!"
    " \ud800 \x00 \x07 \u202e"
)


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    print(FAKE)
    raise ValueError(FAKE)
