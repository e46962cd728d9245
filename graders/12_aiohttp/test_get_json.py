"""Grader for 12_aiohttp/get_json: JSON from the given session, errors raised, body read in time.

Requests are mocked (aioresponses through kit.http_doubles.mock_http).
Checks: the decoded body comes back; no new ClientSession is made (the session is passed in);
4xx and 5xx raise aiohttp.ClientResponseError with that status; the body is read while the
response is still open; any 2xx (201 too) is a success; non-ASCII text comes back intact.

Docstring sentence -> the check that enforces it:
- sends `GET url` on the `session` it receives (never a new ClientSession)
  -> test_uses_the_session_it_is_given, test_error_status_raises; left open, the caller's
  -> test_the_session_is_left_open
- returns the decoded JSON body -> test_returns_the_decoded_json, test_any_success_status,
  test_a_utf8_body_comes_back_intact (a raw UTF-8 body, not decoded as latin-1 or ASCII)
- a 4xx or 5xx response is an error: raise `aiohttp.ClientResponseError`
  -> test_error_status_raises (400 included) (and only those: test_any_success_status)
- read the body inside `async with session.get(url) as response:`
  -> test_returns_the_decoded_json (one GET: status and body from the same response)
- never return the body of an error page (raise before decoding it, even when it is not JSON)
  -> test_error_page_that_is_not_json_raises_its_status
- returns the decoded JSON body, whatever it is and however it arrives
  -> test_any_json_body_comes_back_whole (a real server: `null` and `[]` as they are, not
  replaced by {}; pretty-printed JSON over several lines; a body in two packets)
- sends `GET url` (each call: a body can change) -> test_each_call_sends_its_own_get
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import kit
import pytest
from aiohttp import web
from kit import http_doubles
from kit.http_doubles import mock_http

URL = "http://api.example.com/users/1"
USER = {"id": 1, "name": "Ada Lovelace", "note": "grüße ☃", "tags": []}
WHAT = "get_json(session, url)"


def call(
    kata: kit.Kata, status: int, payload: Any
) -> tuple[kit.Run[Any], http_doubles.SessionCount]:
    """Run get_json on a mocked URL answering ``status``/``payload``; count new sessions."""
    get_json = kata.get("get_json", "coroutine")
    counted = http_doubles.SessionCount()

    async def scenario() -> Any:
        nonlocal counted
        with mock_http() as mock:
            mock.get(URL, status=status, payload=payload)
            async with aiohttp.ClientSession() as session, http_doubles.count_sessions() as counted:
                return await get_json(session, URL)

    result = kata.run(scenario, what=WHAT, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    return result, counted


def expect_no_new_session(counted: http_doubles.SessionCount) -> None:
    """Fail if get_json made its own ClientSession."""
    kit.expect(
        not counted.created,
        f"{WHAT} created {len(counted.created)} new ClientSession(s); use the session passed "
        "in. A session owns a pool of connections: making one per call throws the pool away "
        "every time (and a session you open is one more you must close).",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """get_json is an async def."""
    kata.get("get_json", "coroutine")


def test_returns_the_decoded_json(kata: kit.Kata) -> None:
    """A 200 response comes back as the decoded JSON dict, read while the response is open."""
    result, _ = call(kata, 200, USER)
    error = result.error
    if isinstance(error, aiohttp.ClientConnectionError) and "closed" in str(error).lower():
        kit.fail(
            f"{WHAT} raised {type(error).__name__}: {error}: it read the body after the "
            "`async with session.get(url) as response:` block ended, which already released "
            "the connection. Call `await response.json()` inside the block."
        )
    if isinstance(error, aiohttp.ClientConnectionError) and "refused" in str(error).lower():
        kit.fail(
            f"{WHAT} raised {type(error).__name__}: {error} (at {kata.where(error)}): the "
            f"server answers one GET of {URL}, and get_json sent another request (that URL a "
            "second time, or another URL). Send one `GET url` and read the status and the "
            "body from that one response."
        )
    if error is not None:
        kit.fail(
            f"{WHAT} raised {type(error).__name__}: {error} (at {kata.where(error)}) for a "
            f"200 response with body {USER!r}; it should return that body."
        )
    kit.expect_equal(
        result.value, USER, f"{WHAT} for a 200 response", "Return `await response.json()`."
    )


def test_uses_the_session_it_is_given(kata: kit.Kata) -> None:
    """get_json sends the request on the session passed in and makes no session of its own."""
    _, counted = call(kata, 200, USER)
    expect_no_new_session(counted)


@pytest.mark.parametrize("status", [404, 401, 500, 503, 400])
def test_error_status_raises(kata: kit.Kata, status: int) -> None:
    """A 4xx or 5xx response raises aiohttp.ClientResponseError carrying that status."""
    result, counted = call(kata, status, {"error": f"status {status}"})
    expect_no_new_session(counted)
    error = result.error
    if error is None:
        kit.fail(
            f"{WHAT} returned {result.value!r} for a {status} response; a 4xx or 5xx response "
            "must raise aiohttp.ClientResponseError: call `response.raise_for_status()` before "
            "reading the body (an error page is not data)."
            + (" 400 itself is an error: `>= 400`, not `> 400`." if status == 400 else "")
        )
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError),
        f"{WHAT} raised {type(error).__name__}: {error} for a {status} response; expected "
        "aiohttp.ClientResponseError, what `response.raise_for_status()` raises (callers "
        "catch that one and read its .status).",
    )
    kit.expect_equal(
        getattr(error, "status", None),
        status,
        f"the .status of the ClientResponseError raised for a {status} response",
        "Let `response.raise_for_status()` build the error: it fills in the status.",
    )


def test_any_success_status(kata: kit.Kata) -> None:
    """A 201 Created is not an error: its body comes back."""
    result, _ = call(kata, 201, USER)
    error = result.error
    if error is not None:
        kit.fail(
            f"{WHAT} raised {type(error).__name__}: {error} for a 201 Created response; only "
            "4xx and 5xx are errors. `response.raise_for_status()` knows which; a check for "
            "`status != 200` rejects every other success."
        )
    kit.expect_equal(result.value, USER, f"{WHAT} for a 201 response")


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize(
    "content_type", ["text/html", "application/json"], ids=["html_page", "json_typed_page"]
)
def test_error_page_that_is_not_json_raises_its_status(kata: kit.Kata, content_type: str) -> None:
    """A 502 whose body is not JSON still raises ClientResponseError, not a decoding error."""
    get_json = kata.get("get_json", "coroutine")
    page = "<html><h1>502 Bad Gateway</h1></html>"

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(URL, status=502, body=page, content_type=content_type)
            async with aiohttp.ClientSession() as session:
                return await get_json(session, URL)

    result = kata.run(scenario, what=WHAT, raises=Exception)
    error = result.error
    decoding_error = isinstance(error, aiohttp.ContentTypeError) or (
        error is not None and not isinstance(error, aiohttp.ClientResponseError)
    )
    kit.expect(
        error is None or not decoding_error,
        f"{WHAT} raised {type(error).__name__}: {error} for a 502 response whose body is an "
        f"HTML page ({content_type}): it decoded the body before checking the status. Call "
        "`response.raise_for_status()` first, then `await response.json()`.",
    )


def test_the_session_is_left_open(kata: kit.Kata) -> None:
    """Two calls in a row on one session: the session is still open after each."""
    get_json = kata.get("get_json", "coroutine")

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(URL, status=200, payload=USER, repeat=True)
            async with aiohttp.ClientSession() as session:
                first = await get_json(session, URL)
                http_doubles.expect_left_open(session, WHAT)
                return [first, await get_json(session, URL)]

    result = kata.run(scenario, what=f"{WHAT} twice on one session", raises=Exception)
    kit.expect_equal(result.value, [USER, USER], f"two calls of {WHAT} on one session")


def test_a_utf8_body_comes_back_intact(kata: kit.Kata) -> None:
    """A body of raw UTF-8 (non-ASCII letters not escaped as \\uXXXX) decodes intact."""
    get_json = kata.get("get_json", "coroutine")
    raw = json.dumps(USER, ensure_ascii=False).encode()

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(URL, status=200, body=raw, content_type="application/json")
            async with aiohttp.ClientSession() as session:
                return await get_json(session, URL)

    result = kata.run(scenario, what=WHAT, raises=Exception)
    kit.expect(
        result.error is None and result.value == USER,
        f"{WHAT} for a 200 response whose body is the UTF-8 text {raw.decode()!r} "
        + (
            f"raised {type(result.error).__name__}"
            if result.error is not None
            else f"returned {result.value!r}"
        )
        + ": JSON text is UTF-8. Let `await response.json()` decode it (or decode the bytes "
        "as UTF-8), not as ASCII or latin-1.",
    )


# A JSON body -> the packets a real server sends it in (0.05 s apart).
BODIES: dict[str, list[bytes]] = {
    "null": [b"null"],
    "empty_list": [b"[]"],
    "pretty": [json.dumps(USER, indent=2).encode()],
    "two_packets": [b'{"id": 1, "name": ', b'"Ada Lovelace"}'],
}


@pytest.mark.parametrize("case", list(BODIES))
def test_any_json_body_comes_back_whole(kata: kit.Kata, case: str) -> None:
    """A 200 whose JSON body is null, [], pretty-printed over many lines, or sent in two
    packets: the decoded body comes back as it is."""
    get_json = kata.get("get_json", "coroutine")
    packets = BODIES[case]
    raw = b"".join(packets)
    expected = json.loads(raw)
    lines = raw.count(b"\n") + 1

    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.content_length = len(raw)
        await response.prepare(request)
        for n, packet in enumerate(packets):
            if n:
                await asyncio.sleep(0.05)
            await response.write(packet)
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_get("/body", handler)

    async def scenario() -> Any:
        async with http_doubles.serve(app) as server, aiohttp.ClientSession() as session:
            return await get_json(session, str(server.make_url("/body")))

    if case == "two_packets":
        what = (
            f"a 200 response whose body came in two packets, {packets[0]!r} then, 0.05 s "
            f"later, {packets[1]!r}"
        )
    elif case == "pretty":
        what = f"a 200 response whose body is JSON pretty-printed over {lines} lines"
    else:
        what = f"a 200 response whose body is the JSON {raw.decode()}"
    result = kata.run(scenario, clock="real", limit=20, what=f"{WHAT} for {what}", raises=Exception)
    error = result.error
    if isinstance(error, ValueError) and case in ("pretty", "two_packets"):
        kit.fail(
            f"{WHAT} raised {type(error).__name__}: {error} for {what}: it decoded only part "
            "of the body ("
            + (
                "its first line: `readline()`?"
                if case == "pretty"
                else "the first packet: `readany()` or `read(n)`?"
            )
            + "). Read the whole body: `await response.json()` (or `await response.read()`)."
        )
    if error is not None:
        kit.fail(
            f"{WHAT} raised {type(error).__name__}: {error} (at {kata.where(error)}) for "
            f"{what}; it should return {expected!r}."
        )
    kit.expect(
        result.value == expected or not (result.value == {} and not expected),
        f"{WHAT} returned {{}} for {what}; the decoded body is {expected!r}: return what "
        "`await response.json()` gives, as it is (`... or {}` turns every falsy body, null, "
        "[], 0, false, into {}).",
    )
    kit.expect_equal(result.value, expected, f"{WHAT} for {what}")


def test_each_call_sends_its_own_get(kata: kit.Kata) -> None:
    """Two calls for one URL, whose body changes in between: two GETs, two bodies."""
    get_json = kata.get("get_json", "coroutine")
    url = "http://api.example.com/users/2"
    versions = [{"id": 2, "name": "Grace", "version": n} for n in (1, 2)]
    traffic = http_doubles.Traffic(
        respond=lambda _url, n: http_doubles.reply(200, versions[min(n, 1)])
    )

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(url, callback=traffic.callback, repeat=True)
            async with aiohttp.ClientSession() as session:
                return [await get_json(session, url), await get_json(session, url)]

    what = f"{WHAT} called twice for one URL, whose body changed in between"
    result = kata.run(scenario, what=what, raises=Exception)
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)})."
        )
    sent = len(traffic.requests)
    stale = result.value is not None and result.value[1] == versions[0]
    kit.expect(
        sent >= 2,
        f"{what}: {sent} GET(s) for 2 calls, and the second call returned "
        f"{result.value and result.value[1]!r}"
        + (", the first body again" if stale else "")
        + f", while the server now answers {versions[1]!r}: each call sends `GET url` and returns "
        "what it answers now. Do not keep bodies from one call to the next.",
    )
    kit.expect_equal(result.value, versions, what)
