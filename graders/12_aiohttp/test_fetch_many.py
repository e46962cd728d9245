"""Grader for 12_aiohttp/fetch_many: one session, at most `limit` requests in flight, in order.

Requests are mocked (aioresponses through kit.http_doubles.mock_http): each takes loop time, and the
mock counts the requests in flight. The mock replaces aiohttp's connection layer, so the
connector (and its `limit`) is bypassed: only a bound the code itself holds counts.
Checks: results in input order; exactly one ClientSession, closed at the end; at most (and,
with enough URLs, exactly) `limit` requests at once, default 5; a freed slot is reused at once;
a URL listed twice gets its result twice.

Docstring sentence -> the check that enforces it:
- ONE ClientSession for the whole batch, closed at the end -> test_one_session_closed_at_the_end
  (each body read inside its `async with session.get(...)` block -> call, every mocked test)
  (closed when a request fails too -> test_the_session_is_closed_when_a_request_fails)
- returns the decoded JSON bodies in the order of `urls`
  -> test_results_in_input_order, test_a_url_listed_twice, test_no_urls
- at most `limit` requests in flight (a bound of your own, not the connector's)
  -> test_at_most_limit_in_flight, test_a_request_is_in_flight_until_its_body_is_read (a real
  server whose bodies come late: the slot is held until the body has been read)
- an error status raises `aiohttp.ClientResponseError` -> test_an_error_status_raises (500,
  404: raised, not returned as an item of the result nor as None; a batch with a failing
  request still ends; a 500 page that is not JSON raises its status, not a decoding error;
  the error itself, not another exception raised from it);
  only an error status: a 201 or 203 is read like a 200 -> test_any_success_status_is_read
- returns the decoded JSON bodies: a body of `null` is a result (None, at its place)
  -> test_a_null_body_is_a_result
- (any URLs, duplicates included, any limit and latencies) -> test_any_urls (Hypothesis)
- keep all `limit` slots busy (no batches) -> test_at_most_limit_in_flight,
  test_a_freed_slot_is_reused_at_once
- at most `limit` requests in flight (each call's own `limit`: a second call on the same loop
  is not bound by the first one's semaphore) -> test_each_call_has_its_own_limit
- GETs every URL (on each call: no bodies kept from an earlier call)
  -> test_each_call_fetches_afresh
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable
from typing import Any

import aiohttp
import kit
import pytest
from aiohttp import web
from hypothesis import example, given
from hypothesis import strategies as st
from kit import http_doubles
from kit.examples import grader_settings
from kit.http_doubles import mock_http

NOT_ENOUGH = (
    "Hold an asyncio.Semaphore(limit) around each request (a plain gather starts them all; "
    "releasing it more often than you acquire it lets extra requests in). "
    "TCPConnector(limit=...) does not count: the grader's mock bypasses the connector, and "
    "in real life it caps connections, not requests (the rest still start and wait, their "
    "timeouts running)."
)


def urls(n: int) -> list[str]:
    """``n`` distinct mocked URLs."""
    return [f"http://api.example.com/items/{i}" for i in range(n)]


def describe(urls: list[str], limit: int | None) -> str:
    """How the call reads in a message."""
    return f"fetch_many({len(urls)} URLs{'' if limit is None else f', limit={limit}'})"


def call(
    kata: kit.Kata,
    urls: list[str],
    limit: int | None = None,
    delay: float | Callable[[str], float] = 1.0,
) -> tuple[kit.Run[Any], http_doubles.Traffic, http_doubles.SessionCount]:
    """Run fetch_many on mocked URLs (each answers {"url": url}); record traffic and sessions."""
    fetch_many = kata.get("fetch_many", "coroutine")
    traffic = http_doubles.Traffic(delay=delay)
    counted = http_doubles.SessionCount()

    async def scenario() -> Any:
        nonlocal counted
        with mock_http() as mock:
            for url in urls:
                mock.get(url, callback=traffic.callback, repeat=True)
            async with http_doubles.count_sessions() as counted:
                if limit is None:
                    return await fetch_many(urls)
                return await fetch_many(urls, limit)

    what = describe(urls, limit)
    result = kata.run(scenario, what=what, raises=aiohttp.ClientConnectionError)
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)}): was a body read after its "
            "`async with session.get(url) as response:` block ended? Leaving the block releases "
            "the response and its connection: read the body inside it."
        )
    return result, traffic, counted


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """fetch_many is an async def."""
    kata.get("fetch_many", "coroutine")


def test_results_in_input_order(kata: kit.Kata) -> None:
    """Results follow the input order even when later URLs answer first."""
    batch = urls(5)
    result, _, _ = call(kata, batch, delay=lambda url: 5.0 - int(url.rsplit("/", 1)[1]))
    expected = [{"url": url} for url in batch]
    hint = (
        "That is the order the responses arrived in: collect results by position "
        "(asyncio.gather keeps its arguments' order; as_completed does not)."
        if result.value == expected[::-1]
        else "Return `await response.json()` for each URL, in the order of `urls`."
    )
    kit.expect_equal(result.value, expected, f"the result of {describe(batch, None)}", hint)


def test_one_session_closed_at_the_end(kata: kit.Kata) -> None:
    """All requests share ONE ClientSession, which is closed when fetch_many returns."""
    batch = urls(12)
    _, _, counted = call(kata, batch)
    what = describe(batch, None)
    kit.expect(
        len(counted.created) <= 1,
        f"{what} created {len(counted.created)} ClientSessions; open ONE session for the "
        "whole batch and send every request on it (a session per URL throws its connection "
        "pool away each time; `aiohttp.request(...)` also makes a session per call).",
    )
    kit.expect(
        len(counted.created) == 1,
        f"{what} created no ClientSession; open one with "
        "`async with aiohttp.ClientSession() as session:` and send the requests on it.",
    )
    kit.expect(
        counted.left_open == 0,
        f"{what} left its ClientSession open after returning; close it: "
        "`async with aiohttp.ClientSession() as session:` closes it at the end of the block.",
    )


@pytest.mark.parametrize("limit", [None, 3, 1])
def test_at_most_limit_in_flight(kata: kit.Kata, limit: int | None) -> None:
    """12 one-second requests run `limit` at a time (default 5): peak == limit."""
    batch, bound = urls(12), limit or 5
    result, traffic, _ = call(kata, batch, limit)
    what = describe(batch, limit)
    kit.expect(
        traffic.peak <= bound,
        f"{what} had {traffic.peak} requests in flight at once; at most {bound} may be. "
        + NOT_ENOUGH,
    )
    kit.expect(
        traffic.peak == bound,
        f"{what} never had more than {traffic.peak} request(s) in flight; {bound} should run "
        "at once. Start them all as tasks and let the semaphore do the bounding.",
    )
    kit.expect_loop_time(
        result,
        math.ceil(len(batch) / bound),
        what,
        slower=f"With {bound} at a time, 12 one-second requests take "
        f"{math.ceil(len(batch) / bound)} s: keep every slot busy.",
    )


def test_a_freed_slot_is_reused_at_once(kata: kit.Kata) -> None:
    """One 5 s request among 1 s ones: the others flow through the other slots meanwhile."""
    batch = urls(12)
    result, _, _ = call(kata, batch, 5, delay=lambda url: 5.0 if url == batch[0] else 1.0)
    kit.expect_loop_time(
        result,
        5.0,
        describe(batch, 5),
        slower="A new request should start as soon as any slot frees up; did you fetch in "
        "batches of `limit` (each batch waits for its slowest request)? Use a Semaphore "
        "around each request, or `limit` workers taking URLs from a queue.",
    )


def test_no_urls(kata: kit.Kata) -> None:
    """No URLs: an empty list."""
    result, _, _ = call(kata, [])
    kit.expect_equal(result.value, [], "the result of fetch_many([])")


def test_a_url_listed_twice(kata: kit.Kata) -> None:
    """A URL that appears twice in `urls` has its body twice in the result, at both places."""
    one, two = urls(2)
    batch = [one, two, one]
    result, _, _ = call(kata, batch, 2)
    kit.expect_equal(
        result.value,
        [{"url": one}, {"url": two}, {"url": one}],
        "the result of fetch_many([url0, url1, url0], limit=2)",
        "One result per item of `urls`, in order, duplicates included: collect them by "
        "position (gather keeps the order of its arguments), not by URL (a dict keyed by URL, "
        "or `urls.index(url)`, finds only the first place of a URL listed twice).",
    )


ERROR_PAGES = {
    "500": (500, {"error": "boom"}, ""),
    "404": (404, {"error": "no such item"}, ""),
    "500_not_json": (500, None, "Internal Server Error"),  # labelled JSON, yet it is not
}


@pytest.mark.parametrize("page", list(ERROR_PAGES))
def test_an_error_status_raises(kata: kit.Kata, page: str) -> None:
    """A URL answering 500 (or 404, or 500 with a body that is not JSON) makes fetch_many
    raise aiohttp.ClientResponseError."""
    fetch_many = kata.get("fetch_many", "coroutine")
    url = urls(1)[0]
    status, payload, text = ERROR_PAGES[page]
    answer = http_doubles.reply(status, payload, body=text)
    answering = f"a URL answering {status}" + (
        f" with the body {text!r} (labelled JSON)" if text else ""
    )
    what = f"fetch_many([url]) of {answering}"

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(url, callback=lambda *_a, **_k: answer)
            return await fetch_many([url], 2)

    result = kata.run(
        scenario,
        what=what,
        raises=Exception,
        hang_hint="A request that raised never let the batch end: with workers and "
        "`queue.join()`, call `queue.task_done()` in a `finally` (or let asyncio.gather or a "
        "TaskGroup hand you the error).",
    )
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    if result.error is None and any(isinstance(v, BaseException) for v in result.value or ()):
        kit.fail(
            f"{what} returned {result.value!r}: the error "
            "came back as an item of the result (`asyncio.gather(..., return_exceptions=True)` "
            "does that); let it raise instead: an error page is not a result."
        )
    error = result.error
    if isinstance(error, BaseExceptionGroup):  # a TaskGroup wraps it
        found = error.subgroup(aiohttp.ClientResponseError) or error.subgroup(ValueError)
        error = found.exceptions[0] if found else error
    if isinstance(error, ValueError):  # json.JSONDecodeError, aiohttp.ContentTypeError
        kit.fail(
            f"{what} raised {type(error).__name__}: {error}: it decoded the error page as "
            "JSON before checking the status. Call `response.raise_for_status()` first, then "
            "`await response.json()`: an error page is often not JSON."
        )
    wrapped = _wrapped_response_error(error)
    if wrapped is not None and not isinstance(error, aiohttp.ClientResponseError):
        kit.fail(
            f"{what} raised {error!r}, made from the {type(wrapped).__name__} that "
            "`response.raise_for_status()` raised: let that error out as it is (with a "
            "TaskGroup, inside its ExceptionGroup), not wrapped in another exception."
        )
    kit.expect(
        result.error is not None or result.value != [None],
        f"{what} returned [None]: a {status} is an error status (4xx, 5xx), not an empty "
        "result; let `response.raise_for_status()` raise aiohttp.ClientResponseError.",
    )
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and getattr(error, "status", None) == status,
        f"{what} gave {result.value if result.error is None else result.error!r}; it should "
        "raise aiohttp.ClientResponseError: call `response.raise_for_status()` before "
        "reading the body"
        + (
            f" (a 4xx is an error status too, not only a 5xx: the {status} error page came "
            "back as a result)."
            if status < 500 and result.error is None
            else "."
        ),
    )


def _wrapped_response_error(error: BaseException | None) -> BaseException | None:
    """The ClientResponseError that ``error`` was raised from (its cause or context, or one
    inside an ExceptionGroup along that chain), if any."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, aiohttp.ClientResponseError):
            return error
        if isinstance(error, BaseExceptionGroup):
            found = error.subgroup(aiohttp.ClientResponseError)
            if found:
                return _wrapped_response_error(found.exceptions[0])
        error = error.__cause__ or error.__context__
    return None


def test_any_success_status_is_read(kata: kit.Kata) -> None:
    """A 201 or a 203 is no error status: its JSON body is the result, like a 200's."""
    fetch_many = kata.get("fetch_many", "coroutine")
    created, other = urls(2)
    bodies = {created: {"created": True}, other: {"copy": True}}

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(created, callback=lambda *_a, **_k: http_doubles.reply(201, bodies[created]))
            mock.get(other, callback=lambda *_a, **_k: http_doubles.reply(203, bodies[other]))
            return await fetch_many([created, other], 2)

    what = "fetch_many([a URL answering 201, one answering 203])"
    result = kata.run(scenario, what=what, raises=Exception)
    kit.expect(
        result.error is None and result.value == [bodies[created], bodies[other]],
        f"{what} gave {result.value if result.error is None else result.error!r}; expected "
        f"{[bodies[created], bodies[other]]!r}: only an error status (4xx, 5xx) raises, so "
        "let `response.raise_for_status()` decide rather than comparing with 200.",
    )


EXAMPLES = grader_settings(max_examples=25)


@EXAMPLES
@given(
    picks=st.lists(st.integers(0, 3), max_size=8),
    limit=st.integers(1, 4),
    delays=st.tuples(*[st.sampled_from([1.0, 2.0, 3.0])] * 4),
)
@example(picks=[0, 1, 0, 2, 3, 1], limit=2, delays=(3.0, 1.0, 2.0, 1.0))
@example(picks=[2], limit=1, delays=(1.0, 2.0, 3.0, 1.0))  # one url
def test_any_urls(kata: kit.Kata, picks: list[int], limit: int, delays: tuple[float, ...]) -> None:
    """Any list of URLs (repeats too), any limit and latencies: bodies in input order, at
    most `limit` in flight, and a free slot is never left idle while URLs wait."""
    pool = urls(4)
    batch = [pool[i] for i in picks]
    result, traffic, _ = call(kata, batch, limit, delay=lambda url: delays[pool.index(url)])
    what = describe(batch, limit) + " with latencies " + ", ".join(f"{delays[i]:g}" for i in picks)
    kit.expect_equal(
        result.value,
        [{"url": url} for url in batch],
        f"the result of {what}",
        "One body per item of `urls`, in input order, duplicates included.",
    )
    kit.expect(
        traffic.peak <= limit,
        f"{what} had {traffic.peak} requests in flight at once; at most {limit} may be. "
        + NOT_ENOUGH,
    )
    done = [r for r in traffic.requests if r.ended is not None]
    for moment in sorted({r.started for r in done} | {r.ended for r in done}):
        running = sum(r.started <= moment < r.ended for r in done)  # type: ignore[operator]
        left = sum(r.ended > moment for r in done)  # type: ignore[operator]
        if running < min(limit, left):
            kit.fail(
                f"{what}: at loop time {moment:g} only {running} request(s) were in flight "
                f"while {left} had not finished and limit={limit}: a slot stayed idle. Start "
                "a new request as soon as any slot frees up (a Semaphore around each request, "
                "all started at once; not batches of `limit`)."
            )


# Checked last, so that an earlier check names a mistake it finds first.
def test_a_request_is_in_flight_until_its_body_is_read(kata: kit.Kata) -> None:
    """A real server that sends the headers at once and the body 0.3 s later: at most `limit`
    responses are being sent at any moment (a slot is held until the body has been read)."""
    fetch_many = kata.get("fetch_many", "coroutine")
    active, peak = [0], [0]

    async def slow_body(request: web.Request) -> web.StreamResponse:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        try:
            response = web.StreamResponse(headers={"Content-Type": "application/json"})
            await response.prepare(request)
            await asyncio.sleep(0.3)
            await response.write(json.dumps({"n": int(request.match_info["n"])}).encode())
            await response.write_eof()
            return response
        finally:
            active[0] -= 1

    app = web.Application()
    app.router.add_get("/{n}", slow_body)

    async def scenario() -> Any:
        async with http_doubles.serve(app) as server:
            return await fetch_many([str(server.make_url(f"/{n}")) for n in range(6)], 2)

    what = "fetch_many(6 URLs of a server whose bodies come 0.3 s after the headers, limit=2)"
    result = kata.run(scenario, clock="real", limit=20.0, what=what)
    kit.expect_equal(result.value, [{"n": n} for n in range(6)], what)
    kit.expect(
        peak[0] <= 2,
        f"{what} had {peak[0]} responses being sent at once: a request is in flight until its "
        "body has been read, so hold the semaphore around the whole request, reading the "
        "body included (`async with sem: async with session.get(url) as r: ... await "
        "r.json()`), not just around `session.get()`.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_a_null_body_is_a_result(kata: kit.Kata) -> None:
    """A URL whose JSON body is `null` has None at its place in the result."""
    fetch_many = kata.get("fetch_many", "coroutine")
    batch = urls(3)

    def answer(url: Any, **_kwargs: Any) -> Any:
        if str(url) == batch[1]:
            return http_doubles.reply(200, body="null")
        return http_doubles.reply(200, {"url": str(url)})

    async def scenario() -> Any:
        with mock_http() as mock:
            for url in batch:
                mock.get(url, callback=answer)
            return await fetch_many(batch, 2)

    what = "fetch_many(3 URLs, limit=2) where the second answers 200 with the JSON body null"
    result = kata.run(scenario, what=what)
    expected = [{"url": batch[0]}, None, {"url": batch[2]}]
    kit.expect(
        not isinstance(result.value, list) or len(result.value) == len(batch),
        f"{what} returned {len(result.value or [])} results for {len(batch)} URLs: "
        f"{result.value!r}. null decodes to None, and None is that URL's result: one result "
        "per URL, in order. A None in the results is a body to keep: do not filter out the "
        "Nones, nor use None as a placeholder for a result not yet in.",
    )
    kit.expect_equal(result.value, expected, f"the result of {what}")


def test_the_session_is_closed_when_a_request_fails(kata: kit.Kata) -> None:
    """A URL answering 500: fetch_many raises, and its session is closed all the same."""
    fetch_many = kata.get("fetch_many", "coroutine")
    batch = urls(2)
    counted = http_doubles.SessionCount()

    def answer(url: Any, **_kwargs: Any) -> Any:
        status = 500 if str(url) == batch[1] else 200
        return http_doubles.reply(status, {"url": str(url)})

    async def scenario() -> Any:
        nonlocal counted
        with mock_http() as mock:
            for url in batch:
                mock.get(url, callback=answer)
            async with http_doubles.count_sessions() as counted:
                return await fetch_many(batch, 2)

    what = "fetch_many(2 URLs, limit=2) where the second answers 500"
    result = kata.run(scenario, what=what, raises=Exception)
    kit.expect(
        result.error is not None,
        f"{what} returned {result.value!r}; it should raise aiohttp.ClientResponseError.",
    )
    kit.expect(
        counted.left_open == 0,
        f"{what} raised, and left its ClientSession open: a `session.close()` after the "
        "requests never runs when one of them raises. Open the session with "
        "`async with aiohttp.ClientSession() as session:`, which closes it however the block "
        "ends.",
    )


def test_each_call_has_its_own_limit(kata: kit.Kata) -> None:
    """fetch_many(3 URLs, limit=3), then fetch_many(4 other URLs, limit=1) on the same loop:
    the second call has one request in flight at a time (its own limit, not the first's)."""
    fetch_many = kata.get("fetch_many", "coroutine")
    first_urls = urls(3)
    second_urls = [f"http://api.example.com/other/{i}" for i in range(4)]
    first, second = http_doubles.Traffic(delay=1.0), http_doubles.Traffic(delay=1.0)

    async def scenario() -> Any:
        with mock_http() as mock:
            for url in first_urls:
                mock.get(url, callback=first.callback, repeat=True)
            for url in second_urls:
                mock.get(url, callback=second.callback, repeat=True)
            await fetch_many(first_urls, 3)
            return await fetch_many(second_urls, 1)

    what = "fetch_many(3 URLs, limit=3), then fetch_many(4 other URLs, limit=1)"
    result = kata.run(scenario, what=what)
    kit.expect_equal(
        result.value, [{"url": url} for url in second_urls], f"the second call of {what}"
    )
    kit.expect(
        second.peak <= 1,
        f"in {what}, the second call had {second.peak} requests in flight at once; at most 1 "
        "may be: each call has its own limit. Make the semaphore inside fetch_many, afresh for "
        "each call, not once at module level (nor once per event loop).",
    )
    kit.expect_loop_time(result, 1.0 + 4.0, what)


def test_each_call_fetches_afresh(kata: kit.Kata) -> None:
    """fetch_many([url]) twice on the same loop, the server's answer changed in between: the
    second call GETs the URL again and returns the new body (no results kept between calls)."""
    fetch_many = kata.get("fetch_many", "coroutine")
    url = "http://api.example.com/news"
    old, new = {"version": 1}, {"version": 2}

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(url, payload=old)
            mock.get(url, payload=new)
            await fetch_many([url], 1)
            return await fetch_many([url], 1)

    what = "fetch_many([url], 1) called twice, the server answering {'version': 2} the second time"
    result = kata.run(scenario, what=what)
    kit.expect(
        result.value == [new],
        f"{what}, the second call returned {result.value!r}; expected [{new!r}]: each call "
        "GETs every URL afresh. Keep no results from one call to the next (a dict given as a "
        "default argument, or made at module level, lives on between calls).",
    )
