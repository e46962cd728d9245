"""An instructor's own check of fetch_all, in plain pytest-asyncio (one loop per test) with
looptime's virtual time: a 10-second sleep takes no real time, and loop.time() says 10."""

from __future__ import annotations

import asyncio

import pytest


async def shout(word: str) -> str:
    """A stand-in for a slow service: the longer the word, the later the answer."""
    await asyncio.sleep(len(word))
    return word.upper()


@pytest.mark.asyncio(loop_scope="function")
@pytest.mark.looptime
async def test_repeated_ids_get_a_result_each(kata) -> None:
    """every id gets its own result, repeats included, in the order of the ids"""
    assert await kata.fetch_all(["tea", "a", "tea"], shout) == ["TEA", "A", "TEA"]


@pytest.mark.asyncio(loop_scope="function")
@pytest.mark.looptime
async def test_fetches_overlap(kata) -> None:
    """ten fetches of 10 s each take 10 s in all, not 100"""
    loop = asyncio.get_running_loop()
    start = loop.time()
    await kata.fetch_all(["ten chars!"] * 10, shout)
    assert loop.time() - start == 10
