"""Grader for 12_aiohttp/paginate: an async generator that follows `next` lazily.

Checks (aioresponses, virtual loop time, 1 s per page): every item of every page in order,
through an empty middle page, whether the last page says `"next": null` or has no `next`;
one request per page, with the given session; stopping after page 1 made exactly 1
request (lazy, even when the consumer pauses between items, so a prefetch has time to
start); an error status raises.

Docstring sentence -> the check that enforces it:
- yield the page's items one by one, in order; then GET the `next` URL and go on
  -> test_all_items_in_order (the `next` URL, not the first one again: the consumer gives up
  after 20 items)
- the last page has `"next": null` (or no `next` key at all)
  -> test_all_items_in_order[null], test_all_items_in_order[missing]
- a page may have no items and still a `next`: keep going -> test_all_items_in_order
- raise on an error status -> test_error_status_raises (500, 400, and 404: not a last page),
  test_an_error_on_a_later_page_raises (every page's status is checked, not the first only)
- lazy: no request before it is needed (stop early: one page fetched) -> test_lazy
- use the `session` you are given -> test_all_items_in_order
- (raise on an error status: only then) a 203 or 201 page is a page
  -> test_any_success_status_is_a_page
- yield the page's items, then go on (every page, however many: no cap)
  -> test_a_long_listing (150 pages, on a real server: cheaper than 150 mocked answers)
- yield the page's items one by one, in order (all of them: an item listed twice is yielded
  twice) -> test_a_repeated_item_is_yielded_each_time
- yield the page's items one by one (whatever they are: an empty object, null, 0 or false is an
  item too) -> test_falsy_items_are_yielded
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from http import HTTPStatus
from typing import Any

import aiohttp
import kit
import pytest
from aiohttp import web
from aioresponses import CallbackResult
from kit import http_doubles
from kit.http_doubles import CompatResponse, Traffic, count_sessions, mock_http

API = "http://api.test/items/"
OVER_400 = {400: " 400 itself is an error status: `>= 400`, not `> 400`."}
MAX_ITEMS = 20  # the consumer gives up after that many items (the API holds 3)


def reply(status: int, payload: Any) -> CallbackResult:
    """A mocked JSON answer with a reason phrase (raise_for_status asserts one on 3.14); an
    error status comes as an HTML error page, as servers send them."""
    if status >= 400:
        return CallbackResult(
            status=status,
            body="<html><body>Internal Server Error</body></html>",
            content_type="text/html",
            reason=HTTPStatus(status).phrase,
            response_class=CompatResponse,
        )
    return CallbackResult(
        status=status,
        payload=payload,
        reason=HTTPStatus(status).phrase,
        response_class=CompatResponse,
    )


def _pages(last_next: str) -> dict[str, dict[str, Any]]:
    """Three pages: 2 items, no items, 1 item; the last one ends with ``last_next``."""
    pages: dict[str, dict[str, Any]] = {
        f"{API}1": {"items": [{"id": 1}, {"id": 2}], "next": f"{API}2"},
        f"{API}2": {"items": [], "next": f"{API}3"},
        f"{API}3": {"items": [{"id": 3}]},
    }
    if last_next == "null":
        pages[f"{API}3"]["next"] = None
    return pages


def _collect(
    iter_items: Any,
    pages: dict[str, Any],
    stop_after: int | None = None,
    status: int = 200,
    pause: float = 0.0,
    max_items: int = MAX_ITEMS,
) -> tuple[Any, Traffic, list[int]]:
    """A call that consumes iter_items over the mocked API; also the traffic and sessions."""
    traffic = Traffic(delay=1.0, respond=lambda url, n: reply(status, pages[url]))
    sessions: list[int] = []

    async def scenario() -> list[Any]:
        items: list[Any] = []
        with mock_http() as mock:
            mock.get(re.compile(re.escape(API) + r".*"), callback=traffic.callback, repeat=True)
            async with aiohttp.ClientSession() as session, count_sessions() as count:
                async with contextlib.aclosing(iter_items(session, f"{API}1")) as stream:
                    async for item in stream:
                        items.append(item)
                        if stop_after is not None and len(items) >= stop_after:
                            break
                        if len(items) >= max_items:
                            break  # the API holds 3 items: the pages go round in a circle
                        if pause:
                            await asyncio.sleep(pause)  # the consumer works on each item
            sessions.append(len(count.created))
        return items

    return scenario, traffic, sessions


def test_is_an_async_generator(kata: kit.Kata) -> None:
    """iter_items is an async generator function."""
    kata.get("iter_items", "asyncgen")


@pytest.mark.parametrize("last_next", ["null", "missing"])
def test_all_items_in_order(kata: kit.Kata, last_next: str) -> None:
    """Three pages (one of them empty) give every item in order, one request per page."""
    iter_items = kata.get("iter_items", "asyncgen")
    scenario, traffic, sessions = _collect(iter_items, _pages(last_next))
    result = kata.run(scenario, what="iter_items(session, url)", limit=60)
    urls = [r.url for r in traffic.requests]
    kit.expect(
        not sessions or sessions[0] == 0,
        f"iter_items created {sessions and sessions[0]} ClientSession(s) of its own: use the "
        "session you are given, which keeps its connection pool across pages.",
    )
    kit.expect(
        f"{API}3" in urls or urls != [f"{API}1", f"{API}2"],
        f"iter_items stopped at an empty page ({API}2 has no items but a `next`): an empty "
        "page is not the end; only a missing or null `next` is.",
    )
    kit.expect(
        urls.count(f"{API}1") < 3,
        f"iter_items requested {API}1 {urls.count(f'{API}1')} times (the consumer gave up "
        f"after {len(result.value)} items, though the API holds 3): the pages went round in "
        "a circle. Request each page's `next` URL, not the first URL again.",
    )
    kit.expect_equal(
        urls,
        [f"{API}1", f"{API}2", f"{API}3"],
        "the requested URLs",
        "Request the first URL, then each page's `next`, once each, and stop when `next` is "
        "null or missing.",
    )
    kit.expect_equal(
        result.value,
        [{"id": 1}, {"id": 2}, {"id": 3}],
        "the items yielded",
        "Yield each item of page['items'] (not the page itself), page after page.",
    )
    kit.expect_loop_time(
        result, 3.0, "three pages at 1 s each", faster="Did you await every response?"
    )


def test_lazy(kata: kit.Kata) -> None:
    """A consumer that stops after page 1's items made exactly 1 request."""
    iter_items = kata.get("iter_items", "asyncgen")
    for stop_after in (1, 2):
        scenario, traffic, _ = _collect(
            iter_items, _pages("null"), stop_after=stop_after, pause=0.5
        )
        result = kata.run(scenario, what=f"taking {stop_after} item(s) from iter_items", limit=60)
        kit.expect_equal(result.value, [{"id": 1}, {"id": 2}][:stop_after], "the items taken")
        kit.expect(
            len(traffic.requests) == 1,
            f"the consumer took {stop_after} item(s) of page 1 and stopped, yet iter_items "
            f"made {len(traffic.requests)} requests; expected exactly 1. Fetch the next page "
            "only when the consumer asks for more: yield each item as soon as its page "
            "arrives, instead of collecting every page first (and do not prefetch).",
        )


@pytest.mark.parametrize("status", [500, 404, 400])
def test_error_status_raises(kata: kit.Kata, status: int) -> None:
    """A 500 (or a 404, which is no "last page" either) raises aiohttp.ClientResponseError."""
    iter_items = kata.get("iter_items", "asyncgen")
    scenario, _, _ = _collect(iter_items, _pages("null"), status=status)
    result = kata.run(
        scenario,
        what=f"iter_items on an API answering {status}",
        raises=(aiohttp.ClientResponseError, KeyError, TypeError),
        limit=60,
    )
    kit.expect(
        not isinstance(result.error, aiohttp.ContentTypeError),
        f"the API answered {status} with an HTML error page, and iter_items raised "
        f"{type(result.error).__name__} reading it as JSON: check the status first "
        "(`resp.raise_for_status()` before `await resp.json()`), so the caller gets the "
        "error status, not a complaint about the body." + OVER_400.get(status, ""),
    )
    kit.expect(
        isinstance(result.error, aiohttp.ClientResponseError),
        f"the API answered {status} but iter_items "
        + (
            f"raised {type(result.error).__name__} reading the body"
            if result.error
            else f"yielded {result.value!r} and stopped, as if the pages had ended"
        )
        + ": call `resp.raise_for_status()` before reading the page; only a page whose "
        "`next` is null (or missing) ends them." + OVER_400.get(status, ""),
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_an_error_on_a_later_page_raises(kata: kit.Kata) -> None:
    """Page 1 is fine, page 2 answers 503: page 1's items, then ClientResponseError(503)."""
    iter_items = kata.get("iter_items", "asyncgen")
    pages = _pages("null")
    traffic = Traffic(
        delay=1.0, respond=lambda url, n: reply(503 if url == f"{API}2" else 200, pages[url])
    )
    items: list[Any] = []

    async def scenario() -> list[Any]:
        with mock_http() as mock:
            mock.get(re.compile(re.escape(API) + r".*"), callback=traffic.callback, repeat=True)
            async with aiohttp.ClientSession() as session:
                async with contextlib.aclosing(iter_items(session, f"{API}1")) as stream:
                    async for item in stream:
                        items.append(item)
        return items

    what = "iter_items on an API whose page 2 answers 503"
    result = kata.run(scenario, what=what, raises=Exception, limit=60)
    error = result.error
    kit.expect(
        not isinstance(error, aiohttp.ContentTypeError) and not isinstance(error, ValueError),
        "page 2 answered 503 with an HTML error page, and iter_items raised "
        f"{type(error).__name__} reading it as JSON: check the status of every page, not "
        "only the first (`resp.raise_for_status()` before each `await resp.json()`).",
    )
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and error.status == 503,
        f"{what} gave "
        + (f"{type(error).__name__}: {error}" if error else f"the items {result.value!r}")
        + "; it should yield page 1's items, then raise aiohttp.ClientResponseError with "
        "status 503 (`resp.raise_for_status()` for every page).",
    )
    kit.expect_equal(items, [{"id": 1}, {"id": 2}], "the items yielded before page 2 failed")


@pytest.mark.parametrize("status", [203, 201])
def test_any_success_status_is_a_page(kata: kit.Kata, status: int) -> None:
    """Pages answered 203 (or 201) are no error: their items come, in order."""
    iter_items = kata.get("iter_items", "asyncgen")
    scenario, _, _ = _collect(iter_items, _pages("null"), status=status)
    what = f"iter_items on an API answering {status} ({HTTPStatus(status).phrase})"
    result = kata.run(scenario, what=what, raises=Exception, limit=60)
    if isinstance(result.error, aiohttp.ClientResponseError):
        kit.fail(
            f"{what} raised ClientResponseError: {result.error}; a {status} is a success, "
            "only an error status (4xx, 5xx) raises: let `resp.raise_for_status()` decide "
            "rather than comparing with 200."
        )
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)}); a {status} page is read like a 200."
        )
    kit.expect_equal(result.value, [{"id": 1}, {"id": 2}, {"id": 3}], f"the items of {what}")


LONG = 150  # pages in the long listing, one item each


def test_a_long_listing(kata: kit.Kata) -> None:
    """A real server with 150 pages, one item each: every item comes, one request per page."""
    iter_items = kata.get("iter_items", "asyncgen")
    asked: list[int] = []

    async def page(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        asked.append(n)
        following = str(request.url.with_path(f"/items/{n + 1}")) if n < LONG else None
        return web.json_response({"items": [{"id": n}], "next": following})

    app = web.Application()
    app.router.add_get("/items/{n}", page)

    async def scenario() -> list[Any]:
        async with http_doubles.serve(app) as server, aiohttp.ClientSession() as session:
            stream = iter_items(session, str(server.make_url("/items/1")))
            async with contextlib.aclosing(stream):
                return [item async for item in stream]

    what = f"iter_items on an API of {LONG} pages (one item each)"
    result = kata.run(scenario, clock="real", what=what, raises=Exception, limit=30)
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)}) after {len(asked)} pages."
        )
    items = result.value or []
    kit.expect(
        len(items) >= LONG or len(asked) >= LONG,
        f"{what} stopped after {len(asked)} pages ({len(items)} items), though page "
        f"{len(asked)} has a `next`: follow `next` until it is null or missing, however "
        "many pages there are (no cap on the number of pages).",
    )
    kit.expect_equal(items, [{"id": n} for n in range(1, LONG + 1)], f"the items of {what}")


def test_a_repeated_item_is_yielded_each_time(kata: kit.Kata) -> None:
    """An item listed on page 1 and again on page 2 is yielded both times, in order."""
    iter_items = kata.get("iter_items", "asyncgen")
    pages = {
        f"{API}1": {"items": [{"id": 1}, {"id": 2}], "next": f"{API}2"},
        f"{API}2": {"items": [{"id": 2}, {"id": 3}], "next": None},
    }
    scenario, _, _ = _collect(iter_items, pages)
    what = "iter_items on an API whose pages list {'id': 2} twice (end of page 1, start of 2)"
    result = kata.run(scenario, what=what, limit=60)
    expected = [{"id": 1}, {"id": 2}, {"id": 2}, {"id": 3}]
    kit.expect(
        result.value != [{"id": 1}, {"id": 2}, {"id": 3}],
        f"{what} yielded {result.value!r}: {{'id': 2}} once. Yield every item of every page "
        "as the API lists it, repeats included: skipping items already seen is not "
        "iter_items' call to make.",
    )
    kit.expect_equal(result.value, expected, f"the items of {what}")


def test_falsy_items_are_yielded(kata: kit.Kata) -> None:
    """Items that are falsy ({}, null, 0, false, "") are items all the same: yielded, in order."""
    iter_items = kata.get("iter_items", "asyncgen")
    first: list[Any] = [{"id": 1}, {}, None]
    second: list[Any] = [0, False, "", {"id": 2}]
    pages = {
        f"{API}1": {"items": first, "next": f"{API}2"},
        f"{API}2": {"items": second, "next": None},
    }
    scenario, _, _ = _collect(iter_items, pages)
    what = f"iter_items on an API whose pages list {first!r} and {second!r}"
    result = kata.run(scenario, what=what, limit=60)
    expected = first + second
    got = result.value
    kit.expect(
        got == expected and [type(i) for i in got] == [type(i) for i in expected],
        f"{what} yielded {got!r}; expected every item, in order: {expected!r}. An item that "
        'is empty or falsy ({}, null, 0, false, "") is an item all the same: yield each one '
        "the page lists, with no `if item:` test.",
    )
