"""Watching the learner's ``asyncio.sleep`` calls, where a kata is about *not* polling.

A waiter that polls (``while not ready: await asyncio.sleep(0.01)``) shows up as sleeps made
from the learner's file. On virtual time a spin of ``sleep(0)`` would also freeze the clock,
so the watcher stops a polling loop after ``limit`` calls with the grader's sentence.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest

from .kata import Kata
from .outcomes import PollingDetected as PollingDetected  # kit.PollingDetected, from here

REAL_SLEEP = asyncio.sleep


def watch_sleeps(
    kata: Kata, monkeypatch: pytest.MonkeyPatch, *, message: str, limit: int = 500
) -> list[float]:
    """Record the delay of each asyncio.sleep called from the learner's file.

    ``message`` (with ``{n}`` for the count) is raised as PollingDetected once the learner
    sleeps more than ``limit`` times. Covers ``asyncio.sleep`` and ``from asyncio import sleep``.
    """
    calls: list[float] = []
    learner = str(kata.path)

    def watched(delay: float, result: Any = None) -> Any:
        if sys._getframe(1).f_code.co_filename == learner:
            calls.append(delay)
            if len(calls) > limit:
                raise PollingDetected(message.format(n=len(calls)))
        return REAL_SLEEP(delay, result)

    monkeypatch.setattr(asyncio, "sleep", watched)
    for name, value in list(vars(kata.module).items()):
        if value is REAL_SLEEP:
            monkeypatch.setattr(kata.module, name, watched)
    return calls


def polls(sleeps: list[float]) -> list[float]:
    """The recorded sleeps that let time pass: a lone ``sleep(0)`` only yields to other tasks."""
    return [delay for delay in sleeps if delay > 0]
