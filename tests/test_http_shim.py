"""The aiohttp 3.14 shim for aioresponses (graders/kit/http.py) works, and says when to go."""

from __future__ import annotations

import asyncio
from importlib.metadata import version

import aiohttp
import pytest
from aioresponses import aioresponses
from kit.http_doubles import NEEDS_STREAM_WRITER, mock_http


async def _get(url: str) -> tuple[int, dict[str, int]]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.json()


def test_mocked_json_round_trip() -> None:
    with mock_http() as mocked:
        mocked.get("http://katas.test/a", payload={"a": 1})
        mocked.get("http://katas.test/b", status=503, payload={"b": 2})
        assert asyncio.run(_get("http://katas.test/a")) == (200, {"a": 1})
        assert asyncio.run(_get("http://katas.test/b")) == (503, {"b": 2})


def test_an_unmocked_url_is_refused_not_fetched() -> None:
    with mock_http(), pytest.raises(aiohttp.ClientConnectionError):
        asyncio.run(_get("http://katas.test/nowhere"))


def test_shim_is_still_needed() -> None:
    """Fails the day plain aioresponses works again: then delete the shim (kit/http.py)."""
    if not NEEDS_STREAM_WRITER:
        pytest.skip(f"aiohttp {version('aiohttp')} needs no stream_writer: shim inactive")
    with aioresponses() as mocked:
        mocked.get("http://katas.test/a", payload={"a": 1})
        try:
            asyncio.run(_get("http://katas.test/a"))
        except TypeError as exc:
            assert "stream_writer" in str(exc)
        else:
            pytest.fail(
                f"aioresponses {version('aioresponses')} works on aiohttp {version('aiohttp')} "
                "without the shim: remove CompatResponse from graders/kit/http.py."
            )
