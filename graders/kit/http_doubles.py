"""aiohttp test doubles for the aiohttp graders (12_aiohttp, 13_capstone).

- ``mock_http()``: aioresponses whose responses work on every supported aiohttp (below).
- ``reply(...)``: what an aioresponses callback returns; it builds responses that work on
  aiohttp 3.14 (``CompatResponse``). A bare ``CallbackResult`` would not.
- ``Traffic``: an async aioresponses callback that sleeps on loop time, then answers; it
  records each request (URL, start and end loop time) and the most requests in flight at once
  (``peak``). Use ``mock.get(url, callback=traffic.callback, repeat=True)``.
- ``count_sessions()``: counts the ``aiohttp.ClientSession`` objects created inside the block,
  whatever name the learner imported it under, and closes the ones left open (so the grader,
  not a stray ResourceWarning, reports them).
- ``serve(app)``: a real ``aiohttp.test_utils.TestServer`` on 127.0.0.1, for what a mock
  cannot show (``ClientTimeout``, connector limits). Grade it on the real clock.
- ``free_port()``: a loopback port nobody listens on (connections to it are refused).
- ``expect_left_open(session, what)``: fail when the learner closed the caller's session.

No real network is reachable anyway: every grader test runs in the kit's
sandbox (loopback only).

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

import asyncio
import contextlib
import inspect
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from unittest import mock

import aiohttp
from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestServer
from aioresponses import CallbackResult, aioresponses

from . import streams
from ._internal import trace
from .outcomes import expect
from .probes import now

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


def reply(
    status: int = 200,
    payload: Any = None,
    *,
    headers: dict[str, str] | None = None,
    body: str | bytes = "",
    content_type: str = "application/json",
    reason: str | None = None,
) -> CallbackResult:
    """A mocked response for an aioresponses callback to return (aiohttp 3.14-safe).

    ``reason`` defaults to the status's phrase ("Not Found"): aiohttp's raise_for_status()
    needs one, and a bare CallbackResult leaves it None.
    """
    if reason is None:
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    return CallbackResult(
        status=status,
        payload=payload,
        headers=headers,
        body=body,
        content_type=content_type,
        response_class=CompatResponse,
        reason=reason,
    )


@dataclass
class Request:
    """One mocked request: its URL and the loop times it started and was answered."""

    url: str
    started: float
    ended: float | None = None


@dataclass
class Traffic:
    """An async aioresponses callback that records requests and counts them in flight.

    ``delay`` is the loop time each request takes: a number or a function of the URL (a
    string). ``respond(url, n)`` returns the ``reply(...)`` for the n-th request (0-based,
    over all URLs), or raises an exception to simulate a failed connection; by default every
    request gets ``200 {"url": url}``.
    """

    delay: float | Callable[[str], float] = 0.0
    respond: Callable[[str, int], CallbackResult] | None = None
    requests: list[Request] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0

    def __getattribute__(self, name: str) -> Any:
        if name == "peak":  # a grader reading the peak is checking concurrency: keep a timeline
            trace.peak_read()
        return object.__getattribute__(self, name)

    async def callback(self, url: Any, **kwargs: Any) -> CallbackResult:
        """Pass as ``callback=`` to the mock (a bound ``async def``, as aioresponses needs)."""
        request = Request(str(url), now())
        n = len(self.requests)
        self.requests.append(request)
        trace.record("request", request)
        self.in_flight += 1
        state = self.__dict__  # not through self.peak: that read is the grader's signal
        state["peak"] = max(state["peak"], self.in_flight)
        try:
            delay = self.delay(str(url)) if callable(self.delay) else self.delay
            if delay:
                await asyncio.sleep(delay)
            if self.respond is None:
                return reply(200, {"url": str(url)})
            return self.respond(str(url), n)
        finally:
            self.in_flight -= 1
            request.ended = now()

    @property
    def times(self) -> list[float]:
        """The loop times at which the requests started."""
        return [r.started for r in self.requests]


@dataclass
class SessionCount:
    """The sessions created inside ``count_sessions()`` and how many were left open."""

    created: list[aiohttp.ClientSession] = field(default_factory=list)
    left_open: int = 0


@contextlib.asynccontextmanager
async def count_sessions() -> AsyncIterator[SessionCount]:
    """Count the ClientSessions created in the block; close (and count) those left open."""
    count = SessionCount()
    original = aiohttp.ClientSession.__init__

    def spy(self: aiohttp.ClientSession, *args: Any, **kwargs: Any) -> None:
        count.created.append(self)
        original(self, *args, **kwargs)

    try:
        with mock.patch.object(aiohttp.ClientSession, "__init__", spy):
            yield count
    finally:
        for session in count.created:
            if not session.closed:
                count.left_open += 1
                await session.close()


@contextlib.asynccontextmanager
async def serve(app: web.Application, **kwargs: Any) -> AsyncIterator[TestServer]:
    """Run ``app`` on a real TestServer on 127.0.0.1; ``server.make_url("/path")`` is a URL."""
    server = TestServer(app, host="127.0.0.1", **kwargs)
    await server.start_server()
    try:
        yield server
    finally:
        await server.close()


def free_port() -> int:
    """A loopback TCP port with nothing listening (a connection to it is refused)."""
    return streams.free_port()


CALLERS_SESSION = "made once and shared by many requests"


def expect_left_open(session: aiohttp.ClientSession, what: str, why: str = CALLERS_SESSION) -> None:
    """Fail when ``session``, the caller's, was closed by ``what`` (the learner's call)."""
    expect(
        not session.closed,
        f"after {what} returned, the session passed in was closed: leave it open, it is the "
        f"caller's ({why}).",
    )
