# ruff: noqa
"""Attack 8b: ignore every signal that can be ignored, then spin in plain code."""

import signal


async def first_k(factories, k: int) -> list:
    for sig in signal.valid_signals():
        try:
            signal.signal(sig, signal.SIG_IGN)
        except (OSError, ValueError, RuntimeError):
            pass
    while True:
        try:
            pass
        except BaseException:
            pass
