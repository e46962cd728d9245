"""aiohttp test doubles: aioresponses with a small compatibility shim.

aioresponses 0.7.9 builds ``ClientResponse`` objects without the ``stream_writer`` argument
that aiohttp 3.14 (a security release we keep) made mandatory, so every mocked request fails
with ``TypeError: ... missing ... 'stream_writer'`` (upstream: pnuckowski/aioresponses#289,
fix proposed in #288). ``mock_http()`` is aioresponses with responses built by
``CompatResponse``, which passes a stand-in writer when aiohttp asks for one. Remove the shim
once an aioresponses release handles it (tests/test_http_shim.py says when).

Remember what a mock cannot show: aioresponses replaces ``ClientSession._request``, so the
connector's connection limits and ``ClientTimeout`` never apply under it. Katas about those
run against a real ``aiohttp.test_utils.TestServer`` on 127.0.0.1.
"""

from __future__ import annotations

import inspect
from typing import Any

from aiohttp import ClientResponse
from aioresponses import aioresponses

NEEDS_STREAM_WRITER = "stream_writer" in inspect.signature(ClientResponse.__init__).parameters


class _SentWriter:
    """Stands in for the writer of a request that was already sent (nothing left to write)."""

    output_size = 0


class CompatResponse(ClientResponse):
    """A ClientResponse that aioresponses 0.7.9 can build on aiohttp 3.14+."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if NEEDS_STREAM_WRITER:
            kwargs.setdefault("stream_writer", _SentWriter())
        super().__init__(*args, **kwargs)


class mock_http(aioresponses):  # noqa: N801 - reads like the aioresponses it extends
    """``aioresponses`` whose responses work on every supported aiohttp."""

    def add(self, *args: Any, **kwargs: Any) -> None:
        """Register a mocked response (see aioresponses.add)."""
        if kwargs.get("response_class") is None:
            kwargs["response_class"] = CompatResponse
        super().add(*args, **kwargs)
