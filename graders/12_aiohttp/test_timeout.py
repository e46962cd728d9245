"""Grader for 12_aiohttp/timeout: ClientTimeout against a real server on 127.0.0.1.

A mock would skip ClientTimeout entirely, so these checks run a real aiohttp TestServer on
the loopback and the real clock, with wide margins (a slow handler takes 10 s; the learner's
code must give up after `total`, well under 2 s). Checks: a fast answer comes back as a dict,
also one slower than a blink but within `total`; a slow server and a body that trickles in
both give None, and so does a body that keeps coming a byte at a time for too long (which
`sock_read` alone never stops); the timeout is not raised; other errors (a refused connection)
still raise; the session given is the only one used.

Docstring sentence -> the check that enforces it:
- returns the decoded JSON body -> test_an_answer_in_time_is_returned
- the whole request (connecting, sending, waiting for and reading the response) longer
  than `total`: give up and return None -> test_too_slow_gives_none (slow, drip, trickle;
  one request: giving up means no second try)
- aiohttp raises TimeoutError: catch it (not raised to the caller) -> expect_no_error
- only the timeout becomes None; any other error still raises -> test_other_errors_still_raise
  (a refused connection, a connection the server drops), test_a_bad_body_raises (a body that
  is not JSON), test_a_body_cut_short_raises (aiohttp.ClientPayloadError, a bad body too);
  the caller's own cancellation or timeout is no `total` timeout either
  -> test_the_callers_own_timeout_is_not_swallowed
- an error status (4xx, 5xx) raises `ClientResponseError` -> test_an_error_status_raises (a
  JSON error body: 500, 404, 400), test_an_error_page_raises_before_decoding (an HTML error
  page)
- only the timeout becomes None: a 504 Gateway Timeout answer is an error status, not our
  timeout -> test_a_gateway_timeout_status_raises
- (the deadline is `total` itself) -> test_an_answer_after_total_is_too_late
- use the `session` you are given -> test_an_answer_in_time_is_returned; leave it open (it is
  the caller's) -> test_the_session_is_left_open
- `sock_read` only bounds each wait; only `total` bounds the whole request
  -> test_too_slow_gives_none[trickle]; one deadline for headers and body together, not
  `total` for each -> test_one_deadline_for_the_whole_request
- (read the body inside `async with`) -> expect_no_error names a body read after the block
- gives up only when the whole request takes longer than `total`: an answer that waits 1.2 s
  in one go, with total=2, is returned (no shorter bound, such as sock_read=total / 2, on
  one part of it) -> test_a_long_wait_within_total_is_returned
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
import kit
import pytest
from aiohttp import web
from kit import http_doubles

HANG = 10.0  # how long the slow handlers take: far beyond any `total` used here
LIMIT = 2.5  # real seconds before a call that never gives up is stopped
QUICK = 1.5  # real seconds a call with total <= 0.3 may take at most (wide: loaded machines)


async def fast(request: web.Request) -> web.Response:
    """Answers at once."""
    return web.json_response({"fast": True})


async def leisurely(request: web.Request) -> web.Response:
    """Answers after 0.3 s."""
    await asyncio.sleep(0.3)
    return web.json_response({"leisurely": True})


async def slow(request: web.Request) -> web.Response:
    """Accepts the request, then takes far too long to answer."""
    await asyncio.sleep(HANG)
    return web.json_response({"slow": True})


async def drip(request: web.Request) -> web.StreamResponse:
    """Sends the headers and half the body at once, the rest far too late."""
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    await response.write(b'{"drip": ')
    await asyncio.sleep(HANG)
    await response.write(b"true}")
    return response


async def late(request: web.Request) -> web.Response:
    """Answers after 0.9 s: too late for total=0.3, in time for a deadline a second later."""
    await asyncio.sleep(0.9)
    return web.json_response({"late": True})


async def patient(request: web.Request) -> web.Response:
    """Answers after 1.2 s: in time for total=2, though it waits most of it in one go."""
    await asyncio.sleep(1.2)
    return web.json_response({"patient": True})


async def broken(request: web.Request) -> web.Response:
    """Answers at once with an error status and a JSON body."""
    return web.json_response({"error": "boom"}, status=500)


async def garbled(request: web.Request) -> web.Response:
    """Answers at once, 200, with a body that says it is JSON but is not."""
    return web.Response(body=b'{"garbled": tr', content_type="application/json")


async def unavailable(request: web.Request) -> web.Response:
    """Answers at once with a 503 and an HTML error page (not JSON)."""
    page = "<h1>503 Service Unavailable</h1>"
    return web.Response(status=503, text=page, content_type="text/html")


async def trickle(request: web.Request) -> web.StreamResponse:
    """Sends the body a byte every 0.05 s for far too long: no single read waits long."""
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    await response.write(b'{"trickle": true')
    for _ in range(int(HANG / 0.05)):
        await asyncio.sleep(0.05)
        await response.write(b" ")
    await response.write(b"}")
    return response


async def halves(request: web.Request) -> web.StreamResponse:
    """Sends the headers after 0.7 s and the body 0.7 s later: each half fits in total=1, the
    whole request (1.4 s) does not."""
    await asyncio.sleep(0.7)
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    await asyncio.sleep(0.7)
    await response.write(b'{"halves": true}')
    await response.write_eof()
    return response


async def drop(request: web.Request) -> web.Response:
    """Closes the connection without answering (the client sees ServerDisconnectedError)."""
    assert request.transport is not None
    request.transport.close()
    return web.json_response({"drop": True})  # never sent: the connection is gone


async def cut(request: web.Request) -> web.StreamResponse:
    """Sends the headers and part of the body, then closes the connection: the body is cut
    short (the client sees aiohttp.ClientPayloadError)."""
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    response.content_length = 100
    await response.prepare(request)
    await response.write(b'{"cut": ')
    await asyncio.sleep(0.05)
    assert request.transport is not None
    request.transport.close()
    return response


async def error_status(request: web.Request) -> web.Response:
    """Answers at once with the status in the path and a JSON error body."""
    code = int(request.match_info["code"])
    return web.json_response({"error": code}, status=code)


async def gateway_timeout(request: web.Request) -> web.Response:
    """Answers at once with a 504 Gateway Timeout and a JSON body."""
    return web.json_response({"error": "upstream timed out"}, status=504)


def make_app(requests: list[str] | None = None) -> web.Application:
    """The test server's routes; ``requests`` (if given) collects the path of each request."""

    @web.middleware
    async def record(request: web.Request, handler: Any) -> web.StreamResponse:
        if requests is not None:
            requests.append(request.path)
        response: web.StreamResponse = await handler(request)
        return response

    app = web.Application(middlewares=[record])
    handlers = (fast, leisurely, slow, drip, trickle, late, broken, garbled, unavailable)
    for handler in (*handlers, gateway_timeout, halves, drop, patient, cut):
        app.router.add_get(f"/{handler.__name__}", handler)
    app.router.add_get("/status/{code}", error_status)
    return app


def call(
    kata: kit.Kata,
    path: str | None,
    total: float,
    hang_hint: str = "",
    requests: list[str] | None = None,
) -> tuple[kit.Run[Any], float, str]:
    """Run fetch_with_timeout on the test server's ``path`` (None: a refused port);
    ``requests`` (if given) collects the path of each request the server got.

    Returns the run, the real seconds the learner's call took, and how the call reads.
    """
    fetch = kata.get("fetch_with_timeout", "coroutine")
    what = f"fetch_with_timeout(session, '/{path or 'refused'}', total={total:g})"
    elapsed = 0.0
    made: list[int] = []

    async def scenario() -> Any:
        nonlocal elapsed
        app = make_app(requests)
        async with http_doubles.serve(app) as server, aiohttp.ClientSession() as session:
            url = str(
                server.make_url(f"/{path}")
                if path
                else f"http://127.0.0.1:{http_doubles.free_port()}/"
            )
            start = time.perf_counter()
            counted = http_doubles.SessionCount()
            try:
                async with http_doubles.count_sessions() as counted:
                    return await fetch(session, url, total)
            finally:
                elapsed = time.perf_counter() - start
                made.append(len(counted.created))

    result = kata.run(
        scenario, clock="real", limit=LIMIT, raises=Exception, what=what, hang_hint=hang_hint
    )
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(
        not made or made[0] == 0,
        f"{what} created a ClientSession of its own: use the session you are given (pass the "
        "timeout to `session.get(url, timeout=...)`, not to a new session).",
    )
    return result, elapsed, what


def expect_no_error(kata: kit.Kata, result: kit.Run[Any], what: str, instead: str) -> None:
    """Fail with a sentence if the learner's call raised."""
    error = result.error
    if isinstance(error, TimeoutError):
        kit.fail(
            f"{what} raised {type(error).__name__} when the time ran out; return None "
            "instead: wrap the request in `try: ... except TimeoutError: return None` "
            "(aiohttp raises asyncio.TimeoutError, which is TimeoutError; catching only "
            "aiohttp.ServerTimeoutError misses a `total` timeout)."
        )
    if isinstance(error, aiohttp.ClientConnectionError) and "Connection closed" in str(error):
        kit.fail(
            f"{what} raised {type(error).__name__}: {error} (at {kata.where(error)}): was the "
            "body read after the `async with session.get(...) as response:` block ended? "
            "Leaving the block releases the response and its connection: read it inside."
        )
    if error is not None:
        kit.fail(
            f"{what} raised {type(error).__name__}: {error} (at {kata.where(error)}); "
            f"expected {instead}."
        )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """fetch_with_timeout is an async def."""
    kata.get("fetch_with_timeout", "coroutine")


@pytest.mark.parametrize(("path", "total"), [("fast", 2.0), ("leisurely", 3.0)])
def test_an_answer_in_time_is_returned(kata: kit.Kata, path: str, total: float) -> None:
    """A server that answers within `total` gives its JSON body."""
    result, _, what = call(kata, path, total)
    expected = {path: True}
    expect_no_error(kata, result, what, f"the body {expected!r}")
    kit.expect_equal(
        result.value,
        expected,
        f"the result of {what}",
        "The server answered well within `total`: return `await response.json()` (is the "
        "timeout in seconds, as ClientTimeout expects, and is it `total` itself?).",
    )


SLOW_HINT = (
    "The server accepted the request and then took 10 s; after `total` seconds your code "
    "should give up and return None: pass `timeout=aiohttp.ClientTimeout(total=total)` to "
    "session.get (connect= or sock_connect= only bound connecting)."
)
DRIP_HINT = (
    "The headers came at once but the body trickled in: the timeout must cover reading the "
    "body too. ClientTimeout(total=total) on session.get does; a timeout around "
    "`session.get(...)` alone, or connect= only, does not."
)


TRICKLE_HINT = (
    "The body kept coming, a byte every 0.05 s, for 10 s: no single read waited long, so "
    "`sock_read` (or a timeout around each read) never fires. Only "
    "`aiohttp.ClientTimeout(total=total)` bounds the whole request."
)


@pytest.mark.parametrize(
    ("path", "hint"), [("slow", SLOW_HINT), ("drip", DRIP_HINT), ("trickle", TRICKLE_HINT)]
)
def test_too_slow_gives_none(kata: kit.Kata, path: str, hint: str) -> None:
    """A server slower than `total` (to answer, or to finish the body) gives None, quickly."""
    requests: list[str] = []
    result, elapsed, what = call(kata, path, 0.2, hang_hint=hint, requests=requests)
    expect_no_error(kata, result, what, "None")
    kit.expect(
        result.value is None,
        f"{what} returned {result.value!r}; the server was too slow, so it should return "
        "None. " + hint,
    )
    kit.expect(
        elapsed < QUICK,
        f"{what} took {elapsed:.1f} s of real time to give up; with total=0.2 it should "
        "take about 0.2 s. Pass `total` itself to ClientTimeout (seconds, not milliseconds).",
    )
    kit.expect(
        len(requests) == 1,
        f"{what} sent the request {len(requests)} times to a server too slow to answer in "
        "time: when `total` runs out, give up and return None; do not try again (`total` "
        "bounds the whole call, and retrying is the caller's choice).",
    )


def test_an_answer_after_total_is_too_late(kata: kit.Kata) -> None:
    """total=0.3 and an answer after 0.9 s: None (the deadline is `total` itself)."""
    result, _, what = call(kata, "late", 0.3)
    expect_no_error(kata, result, what, "None")
    kit.expect(
        result.value is None,
        f"{what} returned {result.value!r}, an answer that came after 0.9 s: with total=0.3 "
        "it should have given up at 0.3 s and returned None. Pass `total` itself to "
        "`aiohttp.ClientTimeout(total=total)` (seconds; nothing added).",
    )


@pytest.mark.parametrize(
    ("path", "failure"),
    [
        (None, "a refused connection"),
        ("drop", "a server that closed the connection without answering"),
    ],
    ids=["refused", "dropped"],
)
def test_other_errors_still_raise(kata: kit.Kata, path: str | None, failure: str) -> None:
    """A refused connection, or one the server drops, is not a timeout: it raises
    aiohttp.ClientConnectionError."""
    result, _, what = call(kata, path, 2.0)
    kit.expect(
        result.error is not None or result.value is not None,
        f"{what} returned None for {failure}; only the timeout should become "
        "None. Catch TimeoutError alone, not Exception or aiohttp.ClientError (nor "
        "aiohttp.ServerConnectionError): other errors must reach the caller.",
    )
    kit.expect(
        isinstance(result.error, aiohttp.ClientConnectionError),
        f"{what} gave {result.value if result.error is None else result.error!r} for "
        f"{failure}; it should let aiohttp's ClientConnectionError propagate.",
    )


@pytest.mark.parametrize(
    ("path", "status"), [("broken", 500), ("status/404", 404), ("status/400", 400)]
)
def test_an_error_status_raises(kata: kit.Kata, path: str, status: int) -> None:
    """A 500 (or 404, 400) answer raises aiohttp.ClientResponseError (it is not a timeout)."""
    result, _, what = call(kata, path, 2.0)
    kit.expect(
        result.error is not None or result.value is not None,
        f"{what} returned None for a {status} answer that came at once: only the timeout "
        "becomes None. An error status (4xx or 5xx) raises aiohttp.ClientResponseError: "
        "call `response.raise_for_status()`.",
    )
    kit.expect(
        isinstance(result.error, aiohttp.ClientResponseError)
        and getattr(result.error, "status", None) == status,
        f"{what} gave {result.value if result.error is None else result.error!r} for a "
        f"{status} answer; it should raise aiohttp.ClientResponseError (for 4xx and 5xx "
        "alike): call `response.raise_for_status()` before reading the body.",
    )


def test_a_bad_body_raises(kata: kit.Kata) -> None:
    """A 200 whose body is not the JSON it claims: the decoding error reaches the caller."""
    result, _, what = call(kata, "garbled", 2.0)
    kit.expect(
        result.error is not None and not isinstance(result.error, TimeoutError),
        f"{what} gave {result.value if result.error is None else result.error!r} for a body "
        "that is not JSON; only the timeout becomes None: a bad body must raise its error "
        "(catch TimeoutError alone).",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_an_error_page_raises_before_decoding(kata: kit.Kata) -> None:
    """A 503 with an HTML page raises ClientResponseError(503), not a JSON decoding error."""
    result, _, what = call(kata, "unavailable", 2.0)
    error = result.error
    kit.expect(
        error is None
        or (
            isinstance(error, aiohttp.ClientResponseError)
            and not isinstance(error, aiohttp.ContentTypeError)
        ),
        f"{what} raised {type(error).__name__}: {error} for a 503 answer whose body is an "
        "HTML page: it decoded the body before checking the status. Call "
        "`response.raise_for_status()` first, then `await response.json()`.",
    )
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and getattr(error, "status", None) == 503,
        f"{what} gave {result.value if error is None else error!r} for a 503 answer; it should "
        "raise aiohttp.ClientResponseError with status 503 (`response.raise_for_status()`).",
    )


def test_the_session_is_left_open(kata: kit.Kata) -> None:
    """After an answer in time, the session passed in is still open (it is the caller's)."""
    fetch = kata.get("fetch_with_timeout", "coroutine")
    what = "fetch_with_timeout(session, url, total=5)"
    url = "http://api.example.com/fast"

    async def scenario() -> None:
        with http_doubles.mock_http() as mock:
            mock.get(url, payload={"fast": True})
            async with aiohttp.ClientSession() as session:
                await fetch(session, url, 5.0)
                http_doubles.expect_left_open(session, what)

    kata.run(scenario, what=what, raises=Exception)  # an error: the checks above name it


def test_a_gateway_timeout_status_raises(kata: kit.Kata) -> None:
    """A 504 Gateway Timeout answer, given at once, raises ClientResponseError(504): no None."""
    result, _, what = call(kata, "gateway_timeout", 2.0)
    error = result.error
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and getattr(error, "status", None) == 504,
        f"{what} gave {result.value if error is None else error!r} for a 504 (Gateway Timeout) "
        "answer that came at once: only your own `total` running out gives None; a 504 is an "
        "error status like any other and raises aiohttp.ClientResponseError "
        "(`response.raise_for_status()`).",
    )


def test_one_deadline_for_the_whole_request(kata: kit.Kata) -> None:
    """Headers after 0.7 s, the body 0.7 s later, total=1: None (one deadline for the whole
    request, not `total` for the headers and `total` again for the body)."""
    result, _, what = call(kata, "halves", 1.0)
    expect_no_error(kata, result, what, "None")
    kit.expect(
        result.value is None,
        f"{what} returned {result.value!r}, though the whole answer took 1.4 s: the headers "
        "came after 0.7 s and the body 0.7 s later, each within `total`, but not both. Give "
        "the whole request one deadline (`aiohttp.ClientTimeout(total=total)` on session.get, "
        "or one `asyncio.timeout(total)` around it all), not a fresh `total` for each step.",
    )


def test_the_callers_own_timeout_is_not_swallowed(kata: kit.Kata) -> None:
    """total=5 on a slow server, under the caller's own asyncio.timeout(0.2): the caller's
    deadline cancels the call, and its TimeoutError reaches the caller (no None)."""
    fetch = kata.get("fetch_with_timeout", "coroutine")
    what = "fetch_with_timeout(session, '/slow', total=5) under the caller's asyncio.timeout(0.2)"

    async def scenario() -> tuple[str, Any]:
        async with http_doubles.serve(make_app()) as server, aiohttp.ClientSession() as session:
            try:
                async with asyncio.timeout(0.2):
                    value = await fetch(session, str(server.make_url("/slow")), 5.0)
            except TimeoutError:
                return ("timed out", None)
            return ("returned", value)

    result = kata.run(scenario, clock="real", limit=LIMIT, raises=Exception, what=what)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(
        result.error is None,
        f"{what} raised {type(result.error).__name__}: {result.error}; the caller's own "
        "deadline should have reached the caller as its TimeoutError.",
    )
    outcome, value = result.value
    kit.expect(
        outcome == "timed out",
        f"{what} returned {value!r} when the caller's deadline cancelled it: it swallowed the "
        "CancelledError. Only your own `total` running out gives None; a cancellation (the "
        "caller's timeout, or task.cancel()) must propagate: catch TimeoutError alone, never "
        "asyncio.CancelledError or BaseException.",
    )


def test_a_long_wait_within_total_is_returned(kata: kit.Kata) -> None:
    """total=2 and an answer after 1.2 s: the body comes back (only the whole request's
    `total` gives up, no shorter bound on one wait)."""
    result, _, what = call(kata, "patient", 2.0)
    expect_no_error(kata, result, what, "the body {'patient': True}")
    kit.expect(
        result.value == {"patient": True},
        f"{what} returned {result.value!r}, though the server answered after 1.2 s, well "
        "within total=2: give up only when the whole request takes longer than `total`. A "
        "shorter bound on one part of it (sock_read=, connect= or a timeout of your own "
        "smaller than `total`) gives up on answers that were coming in time.",
    )


def test_a_body_cut_short_raises(kata: kit.Kata) -> None:
    """A 200 whose body breaks off (the server closes the connection half way, well within
    `total`): aiohttp.ClientPayloadError reaches the caller, it is no timeout."""
    result, _, what = call(kata, "cut", 2.0)
    kit.expect(
        isinstance(result.error, aiohttp.ClientPayloadError),
        f"{what} gave {result.value if result.error is None else result.error!r} for a body "
        "the server cut short at once (aiohttp.ClientPayloadError): a bad body is no timeout, "
        "only the timeout becomes None; let that error reach the caller (catch TimeoutError "
        "alone).",
    )
