"""Grader for 13_capstone/crawler: a concurrent crawler that holds its limits.

Checks on mocked sites (aioresponses, virtual loop time, 1 s per request; an async callback
counts requests in flight, globally and per host): the links come only from <a href>,
resolved, without fragments, http(s) only; each URL is fetched once even in a tangle of
links; at most `concurrency` requests in flight and at most `per_host` per host, and both
limits are used to the full; `max_pages` distinct URLs at most; 5xx, 429 and connection
errors are retried with a pause, other 4xx are not, and a page that keeps failing is left
out; the session given is the only one used; no task or warning is left behind.

Docstring sentence -> the check that enforces it:
- return the set of URLs (strings) fetched successfully -> _run (every test), test_retries
- only `<a href>`; resolve relative links (urljoin), drop #fragments, skip non-http(s)
  (tel: and data: as well as mailto:); strip the spaces around an href -> test_links
  (https links are followed too -> test_https_links_are_followed)
- each URL is fetched at most once (retries aside) -> _no_duplicates (every test),
  test_each_url_once
- follow the links found, to any host -> test_links (a link to another host is crawled)
- `max_pages`: at most that many distinct URLs requested, the start page included
  -> test_max_pages
- "Starting from the URL `start`, fetch pages ... Return the set of URLs" (each call: a
  second crawl of the same site fetches it all again and returns only its own pages,
  nothing kept at module level)
  -> test_a_second_crawl_starts_afresh
- `concurrency` / `per_host` bounds, used fully -> test_concurrency, test_per_host,
  test_a_free_slot_goes_to_another_host; each call's own `per_host` (no per-host semaphores
  kept at module level from an earlier call) -> test_each_crawl_has_its_own_per_host
- a link found starts as soon as the limits allow, not after a batch or level of pages
  -> test_a_link_found_is_fetched_without_waiting_for_others
- Retry-After honoured -> test_retries, test_retry_after_on_a_429_is_honoured; no wait after
  the last try -> test_gives_up_at_once
- "retried three to nine times (four to ten tries in all)" -> test_retries (a page answering
  501, 502, 504 then 200 is in the result; one answering 500 for ever is asked 4 to 10 times)
- 5xx, 429, connection errors retried with backoff and jitter (pauses not all the same);
  other 4xx (404, 403) not; a failing page left out -> test_retries; the crawl goes on when a
  page never connects -> test_a_page_that_never_connects_is_left_out
- retried "with exponential backoff and jitter": pages that failed together do not retry
  together -> test_pages_failing_together_retry_apart
- other 4xx are not retried, a 408 (Request Timeout) included -> test_a_408_is_not_retried
- "exponential backoff": the pauses grow (40 pages answering 500 for ever: the longest of
  their last pauses is well above the longest of their first ones; maxima of 40 draws sit
  at the ceiling, so no jitter draw comes near the line) -> test_the_backoff_grows
- after the seconds a Retry-After asks for, however many -> test_a_long_retry_after_is_obeyed
- Retry-After gives seconds; one holding an HTTP date asks for none: backoff, the crawl goes
  on (as in the retry kata) -> test_a_dated_retry_after_falls_back_to_backoff
- Parse with html.parser.HTMLParser (entities decoded, comments skipped, a bare `<a href>`
  is no link and no crash; a UTF-8 page's non-ASCII link read intact: `resp.text()`)
  -> test_hrefs_are_read_as_html
- a page that still fails is left out, the crawl goes on -> test_retries (404, 403, 500 for
  ever), test_a_body_cut_short_is_left_out (ClientPayloadError)
- fetched successfully means status 200: a 203 or 206 page is left out -> test_only_a_200_counts
- keep each URL as urljoin gives it (case-sensitive paths) -> test_urls_keep_their_case;
  each URL fetched (at most) once: URLs that differ only by a trailing slash or by their
  query are different URLs, each fetched -> test_a_slash_or_a_query_makes_another_url
- a page that fails is left out, the crawl goes on: also a link to a file that is not text
  (a 200 JPEG: `resp.text()` raises UnicodeDecodeError) -> test_a_link_to_an_image_ends_nothing
- a body cut short is a failure too, left out (the crawl goes on), also when it breaks off
  while `await resp.text()` reads it, after a 200 status: caught there too, and not counted
  as fetched on the status alone -> test_a_body_that_breaks_off_while_read_is_left_out
- leave nothing behind: no task, no session you opened, no warning -> kit.run (every test),
  _run (sessions); the session given is left open -> test_the_session_is_left_open; nothing
  keeps running when the caller cancels the crawl (its timeout), and a task told to cancel
  does not swallow it to go on requesting -> test_a_cancelled_crawl_leaves_nothing_running
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import urldefrag, urlsplit

import aiohttp
import kit
from aioresponses import CallbackResult
from kit.http_doubles import CompatResponse, count_sessions, expect_left_open, mock_http
from yarl import URL

CONNECTION_ERROR = "connection error"
CUT_SHORT = "body cut short"  # an answer: the connection drops half way through the body
TORN = "200, body torn"  # an answer: status 200, then the body breaks off as it is read
BINARY = "200, a JPEG"  # an answer: status 200, an image whose bytes are not UTF-8 text
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x80\x9f\xff\xd9"


def _html(*hrefs: str, extra: str = "") -> str:
    links = "".join(f'<a href="{h}">link</a>\n' for h in hrefs)
    return f"<html><body>{extra}{links}</body></html>"


class _TornResponse(CompatResponse):
    """A 200 whose body breaks off while it is read, as aiohttp reports it: the status and
    headers arrived, then `await resp.text()` (or read(), json()) raises ClientPayloadError."""

    async def read(self) -> bytes:
        raise aiohttp.ClientPayloadError("Response payload is not completed")


@dataclass
class Site:
    """Mocked web pages. ``pages`` maps a URL to its HTML, or to a list of answers for
    successive requests (an int status, CONNECTION_ERROR, or HTML for a 200; the last one
    repeats). Unknown URLs answer 404."""

    pages: dict[str, Any]
    delay: float = 1.0
    requests: list[tuple[str, float, float]] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0
    host_in_flight: Counter[str] = field(default_factory=Counter)
    host_peak: Counter[str] = field(default_factory=Counter)
    raw: list[str] = field(default_factory=list)  # the URLs as requested, fragments included
    # requests started by a task that had been told to cancel and went on: (url, moment)
    despite_cancel: list[tuple[str, float]] = field(default_factory=list)

    async def callback(self, url: URL, **kwargs: Any) -> CallbackResult:
        """The aioresponses callback: counts in-flight requests, waits, answers."""
        key = urldefrag(str(url)).url
        self.raw.append(str(url))
        host = url.host or ""
        started = kit.now()
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            self.despite_cancel.append((key, started))
        attempt = sum(1 for r in self.requests if r[0] == key)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        self.host_in_flight[host] += 1
        self.host_peak[host] = max(self.host_peak[host], self.host_in_flight[host])
        try:
            await asyncio.sleep(self.delay)
        finally:
            self.in_flight -= 1
            self.host_in_flight[host] -= 1
            self.requests.append((key, started, kit.now()))
        answer = self.pages.get(key, 404)
        if isinstance(answer, list):
            answer = answer[min(attempt, len(answer) - 1)]
        if answer == CONNECTION_ERROR:
            raise aiohttp.ClientConnectionError(f"connection refused by {host}")
        if answer == CUT_SHORT:
            raise aiohttp.ClientPayloadError(f"response payload is not completed: {key}")
        if answer == TORN:
            return CallbackResult(
                status=200,
                body=_html(),
                content_type="text/html; charset=utf-8",
                reason="OK",
                response_class=_TornResponse,
            )
        if answer == BINARY:
            return CallbackResult(
                status=200,
                body=JPEG,
                content_type="image/jpeg",
                reason="OK",
                response_class=CompatResponse,
            )
        headers = None
        if isinstance(answer, tuple):  # (status, Retry-After seconds)
            answer, headers = answer[0], {"Retry-After": answer[1]}
        status, body = (answer, "error") if isinstance(answer, int) else (200, answer)
        return CallbackResult(
            status=status,
            headers=headers,
            body=body,  # sent as UTF-8, as the header says
            content_type="text/html; charset=utf-8",
            reason=HTTPStatus(status).phrase,
            response_class=CompatResponse,
        )

    def counts(self) -> Counter[str]:
        """How many times each URL was requested."""
        return Counter(r[0] for r in self.requests)


def _crawl(crawl: Any, site: Site, start: str, sessions: list[int], **limits: int) -> Any:
    """A call that crawls ``site`` from ``start`` through a mocked session."""

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(re.compile(r".*"), callback=site.callback, repeat=True)
            async with aiohttp.ClientSession() as session, count_sessions() as count:
                found = await crawl(session, start, **limits)
            sessions.append(len(count.created))
        return found

    return scenario


def _run(kata: kit.Kata, site: Site, start: str, **limits: int) -> Any:
    """Crawl, then check the result type and the sessions; return the result."""
    crawl = kata.get("crawl", "coroutine")
    sessions: list[int] = []
    shown = ", ".join(f"{k}={v}" for k, v in limits.items())
    result = kata.run(_crawl(crawl, site, start, sessions, **limits), what=f"crawl(..., {shown})")
    kit.expect(
        not sessions or sessions[0] == 0,
        "crawl created a ClientSession of its own: use the session you are given (it is the "
        "caller's to close, and it shares one connection pool).",
    )
    found = result.value
    kit.expect(
        isinstance(found, set) and all(isinstance(u, str) for u in found),
        f"crawl returned {found!r}; expected a set of URL strings.",
    )
    return {str(URL(u)) for u in found}


def _no_duplicates(site: Site, allowed: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    with_fragment = [u for u in site.raw if urlsplit(u).fragment]
    if with_fragment:
        kit.fail(
            f"crawl requested {with_fragment[0]}, fragment included: drop the fragment with "
            "urldefrag before you schedule a URL (page.html and page.html#top are one page, "
            "fetched once)."
        )
    twice = {u: n for u, n in site.counts().items() if n > 1 and u not in allowed}
    if twice:
        url, n = next(iter(sorted(twice.items())))
        kit.fail(
            f"{url} was fetched {n} times (and {len(twice) - 1} other URL(s) more than once): "
            "each URL must be fetched only once. Mark a URL as seen when you schedule it, "
            "not after its fetch ends: meanwhile other pages link to it too."
        )


def _leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside ``error`` (an exception group, maybe nested), or ``[error]``."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """crawl is an async def."""
    kata.get("crawl", "coroutine")


def test_links(kata: kit.Kata) -> None:
    """Only <a href> links, resolved, without fragments, http(s) only, each fetched once."""
    root = "http://site.test/"
    site = Site(
        {
            root: _html(
                "a.html",
                "  spaced.html ",
                "http://site.test/a.html#top",
                "#frag",
                "mailto:me@site.test",
                "javascript:void(0)",
                "ftp://files.test/x",
                "tel:+15550100",
                "data:text/html,<a href='http://site.test/z'>z</a>",
                "http://other.test/x",
                extra=(
                    "<A HREF='/b/'>upper case</A><a name='anchor'>no href</a>"
                    '<link rel="stylesheet" href="/style.css"><img src="/logo.png">'
                ),
            ),
            f"{root}a.html": _html("../b/c.html", "/"),
            f"{root}spaced.html": _html(),
            f"{root}b/": _html("c.html", "d.html?x=1"),
            f"{root}b/c.html": _html("/a.html"),
            f"{root}b/d.html?x=1": _html(),
            "http://other.test/x": _html("http://site.test/#again"),
        }
    )
    found = _run(kata, site, root, max_pages=100, concurrency=3, per_host=2)
    strange = [u for u in site.counts() if urlsplit(u).scheme not in ("http", "https")]
    if strange:
        kit.fail(
            f"crawl requested {strange[0]!r}: follow only http and https links (check "
            "urlsplit(url).scheme) and skip every other scheme (mailto:, javascript:, ftp:, "
            "tel:, data:...), not just a list of known ones.",
        )
    assets = [u for u in site.counts() if u.endswith(("style.css", "logo.png"))]
    if assets:
        kit.fail(
            f"crawl requested {assets[0]}, which only a <link> or <img> tag points to: follow the "
            "href of <a> tags only (html.parser.HTMLParser, handle_starttag with tag == 'a').",
        )
    _no_duplicates(site)
    expected = {str(URL(u)) for u in site.pages}
    missing, extra = sorted(expected - found), sorted(found - expected)
    elsewhere = [u for u in missing if urlsplit(u).netloc != "site.test" and u not in site.counts()]
    kit.expect(
        not elsewhere,
        f"crawl never requested {elsewhere[0] if elsewhere else ''}, linked from the start page "
        "but on another host: follow links to every host, not only the start page's (per_host "
        "keeps the crawl polite to each one).",
    )
    kit.expect(
        not missing and not extra,
        f"crawl returned {len(found)} pages; expected the {len(expected)} reachable ones"
        + (f"; missing {', '.join(missing)}" if missing else "")
        + (f"; unexpected {', '.join(extra)}" if extra else "")
        + ". Resolve each href (stripped of the spaces around it) against the page's URL "
        "with urljoin and drop the fragment with urldefrag.",
    )


def test_each_url_once(kata: kit.Kata) -> None:
    """In a tangle where every page links to every other, each URL is fetched once."""
    urls = [f"http://mesh.test/p{i}" for i in range(12)]
    site = Site({u: _html(*urls, "/p0#top") for u in urls})
    found = _run(kata, site, urls[0], max_pages=100, concurrency=6, per_host=6)
    _no_duplicates(site)
    kit.expect_equal(len(found), len(urls), "the number of pages crawled")


def test_concurrency(kata: kit.Kata) -> None:
    """concurrency=4, per_host=2, 12 pages on 3 hosts: at most 4 in flight, more than 2 used."""
    hosts = ["http://h1.test", "http://h2.test", "http://h3.test"]
    pages = [f"{hosts[i % 3]}/page{i}" for i in range(12)]
    root = "http://h1.test/"
    site = Site({root: _html(*pages), **{p: _html(root) for p in pages}})
    _run(kata, site, root, max_pages=100, concurrency=4, per_host=2)
    _no_duplicates(site)
    kit.expect(
        site.peak <= 4,
        f"{site.peak} requests were in flight at once; concurrency=4 allows 4. Bound every "
        "fetch with one asyncio.Semaphore(concurrency) (or run exactly `concurrency` "
        "workers); starting a task per link is fine, letting them all fetch at once is not.",
    )
    kit.expect(
        site.peak > 2,
        f"with 12 pages on 3 hosts, at most {site.peak} request(s) were ever in flight at "
        "once, though concurrency=4 and per_host=2 allow 4: fetch pages concurrently (tasks "
        "or workers), not one after another, and let different hosts proceed side by side "
        "(a worker that stops when the queue is empty for a moment leaves the links found "
        "later to the workers still running: stop workers only when no page is in flight).",
    )


def test_per_host(kata: kit.Kata) -> None:
    """concurrency=4, per_host=2, 8 pages on one host: exactly 2 in flight to it at most."""
    root = "http://one.test/"
    pages = [f"{root}page{i}" for i in range(8)]
    site = Site({root: _html(*pages), **{p: _html(root) for p in pages}})
    _run(kata, site, root, max_pages=100, concurrency=4, per_host=2)
    _no_duplicates(site)
    most = site.host_peak["one.test"]
    kit.expect(
        most <= 2,
        f"{most} requests to one.test were in flight at once; per_host=2 allows 2. Keep a "
        "semaphore per host (a defaultdict(lambda: asyncio.Semaphore(per_host))) and hold it "
        "around each fetch to that host.",
    )
    kit.expect(
        most == 2,
        f"at most {most} request to one.test was in flight at once, though per_host=2 allows "
        "2: fetch pages concurrently, up to the limits.",
    )


def test_a_free_slot_goes_to_another_host(kata: kit.Kata) -> None:
    """concurrency=2, per_host=1, 30 pages on one host and 1 on another: right after the
    start page, the other host's page runs beside the first (a task waiting for its busy
    host must not hold a global slot)."""
    root = "http://hub.test/"
    crowded = [f"http://crowded.test/p{i}" for i in range(30)]
    alone = "http://alone.test/"
    site = Site({root: _html(*crowded, alone), **{p: _html() for p in [*crowded, alone]}})
    _run(kata, site, root, max_pages=100, concurrency=2, per_host=1)
    started = next((s for url, s, _ in site.requests if url == alone), None)
    kit.expect(
        started is not None and started <= 1.0 + 1e-6,
        f"with concurrency=2 and per_host=1, {alone} was linked from the start page (done at "
        f"1 s) and a request slot was free, yet it was requested only at {started} s: a task "
        "waiting for its busy host held a global slot. Take the host's slot first, then the "
        "global one (`async with host_slot, global_slot:`), so waiting for a host costs no "
        "global slot.",
    )


def test_max_pages(kata: kit.Kata) -> None:
    """On a site of 40 pages, max_pages=10 requests exactly 10 distinct URLs."""
    urls = [f"http://big.test/p{i}" for i in range(40)]
    site = Site({u: _html(*(urls[(i + k) % 40] for k in range(1, 8))) for i, u in enumerate(urls)})
    found = _run(kata, site, urls[0], max_pages=10, concurrency=4, per_host=4)
    requested = len(site.counts())
    kit.expect(
        requested != 11,
        "crawl requested 11 distinct URLs with max_pages=10, one too many: max_pages counts "
        "every URL requested, the start page included; schedule a URL only while fewer than "
        "max_pages have been scheduled (`<`, not `<=`).",
    )
    kit.expect(
        requested <= 10,
        f"crawl requested {requested} distinct URLs with max_pages=10: count a page when you "
        "schedule it (with its fetch still ahead), not when its fetch ends, or tasks already "
        "on their way overshoot the limit.",
    )
    _no_duplicates(site)
    kit.expect(
        len(found) == 10,
        f"crawl returned {len(found)} pages with max_pages=10 on a site of 40: stop only when "
        "max_pages URLs have been scheduled or no link is left.",
    )


def test_retries(kata: kit.Kata) -> None:
    """5xx, 429 and connection errors are retried after a pause; 404 is not; failures drop out."""
    root = "http://flaky.test/"
    site = Site(
        {
            root: _html(
                "busy", "refused", "limited", "gone", "broken", "odd", "patient", "forbidden"
            ),
            f"{root}busy": [503, 503, _html()],
            f"{root}odd": [501, 502, 504, _html()],
            f"{root}patient": [(503, "3"), _html()],
            f"{root}refused": [CONNECTION_ERROR, _html()],
            f"{root}limited": [429, _html()],
            f"{root}gone": 404,
            f"{root}forbidden": 403,
            f"{root}broken": 500,
        }
    )
    crawl = kata.get("crawl", "coroutine")
    sessions: list[int] = []
    what = "crawl(..., max_pages=100, concurrency=8, per_host=8)"
    result = kata.run(
        _crawl(crawl, site, root, sessions, max_pages=100, concurrency=8, per_host=8),
        what=what,
        raises=Exception,
    )
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)}), on a site where some pages answer 404, 403 or 500 "
            "for ever: a page that still fails is left out of the result and the crawl goes "
            "on; catch its error where you fetch it."
        )
    found = {str(URL(u)) for u in (result.value or ())}
    counts = site.counts()
    for name, status in (("gone", 404), ("forbidden", 403)):
        kit.expect(
            counts[f"{root}{name}"] == 1,
            f"a {status} page was requested {counts[f'{root}{name}']} times: retry only 5xx, "
            "429 and connection errors; any other 4xx will not change.",
        )
    for name, why in (
        ("busy", "503 twice"),
        ("refused", "a refused connection"),
        ("limited", "429"),
        ("odd", "501, 502 and 504"),
        ("patient", "503 with Retry-After: 3"),
    ):
        kit.expect(
            f"{root}{name}" in found,
            f"{root}{name} answered {why}, then 200, but it is not in the result (it was "
            f"requested {counts[f'{root}{name}']} time(s)): retry 5xx, 429 and connection "
            "errors (aiohttp.ClientConnectionError) three to nine times with backoff, as in "
            "the retry kata.",
        )
    broken = counts[f"{root}broken"]
    kit.expect(
        4 <= broken <= 10,
        f"a page answering 500 forever was requested {broken} time(s): retry three to nine "
        "times (four to ten tries in all), then give up on that page and go on.",
    )
    kit.expect(
        f"{root}broken" not in found and f"{root}gone" not in found,
        "pages that never answered 200 are in the result: return only pages fetched successfully.",
    )
    times = defaultdict(list)
    for url, started, ended in site.requests:
        times[url].append((started, ended))
    for url, spans in times.items():
        for (_, ended), (started, _) in itertools.pairwise(spans):
            kit.expect(
                started > ended,
                f"{url} was retried at once, with no pause after the failed attempt: sleep "
                "between attempts (exponential backoff with jitter: "
                "random.random() * min(cap, base * 2 ** attempt)).",
            )
    failing = times[f"{root}broken"]
    pauses = [round(b[0] - a[1], 6) for a, b in itertools.pairwise(failing)]
    kit.expect(
        len(pauses) < 2 or len(set(pauses)) > 1,
        f"{root}broken (500 for ever) was retried after pauses of {pauses} s, all the same: "
        "back off exponentially with jitter (random.random() * min(cap, base * 2 ** "
        "attempt)), so that the pauses grow and clients that failed together spread out.",
    )
    patient = [started for url, started, _ in site.requests if url == f"{root}patient"]
    kit.expect(
        len(patient) < 2 or patient[1] - patient[0] >= 4.0 - 1e-6,
        f"{root}patient answered 503 with `Retry-After: 3`, and the next try started "
        f"{patient[-1] - patient[0]:g} s after the first one (which took 1 s): wait the "
        "seconds Retry-After asks for, as in the retry kata.",
    )
    _no_duplicates(
        site,
        allowed={f"{root}{n}" for n in ("busy", "refused", "limited", "broken", "odd", "patient")},
    )


def test_gives_up_at_once(kata: kit.Kata) -> None:
    """A page answering 500 for ever: after its last try the crawl ends, with no last wait.
    Three crawls: a jittered wait after the last try is under 0.01 s one time in 400."""
    root = "http://down.test/"
    crawl = kata.get("crawl", "coroutine")
    for _ in range(3):
        site = Site({root: 500})
        result = kata.run(
            _crawl(crawl, site, root, [], max_pages=10, concurrency=2, per_host=2),
            what="crawl of a start page answering 500 for ever",
        )
        last_end = max((ended for _, _, ended in site.requests), default=0.0)
        kit.expect(
            result.loop_time <= last_end + 0.01,
            f"crawl returned {result.loop_time - last_end:g} s after its last request ended: "
            "after the last try of a failing page, give up at once (no backoff wait after it), "
            "and end the crawl as soon as no page is left (not when a timeout next lets a "
            "worker look).",
        )


# Checked last: earlier wrong answers fail the checks above first.


def test_https_links_are_followed(kata: kit.Kata) -> None:
    """http and https are both web pages: links from one scheme to the other are crawled."""
    root = "http://plain.test/"
    secure = "https://secure.test/"
    site = Site(
        {
            root: _html(secure, "https://plain.test/login"),
            secure: _html("account", "http://plain.test/about"),
            f"{secure}account": _html(),
            "https://plain.test/login": _html(),
            "http://plain.test/about": _html(),
        }
    )
    found = _run(kata, site, root, max_pages=100, concurrency=3, per_host=2)
    _no_duplicates(site)
    missing = sorted({str(URL(u)) for u in site.pages} - found)
    skipped = [u for u in missing if urlsplit(u).scheme == "https" and u not in site.counts()]
    kit.expect(
        not skipped,
        f"crawl never requested {skipped[0] if skipped else ''}, an https link: follow both "
        "http and https links (urlsplit(url).scheme in ('http', 'https')), and skip only the "
        "other schemes.",
    )
    kit.expect(
        not missing,
        f"crawl returned {len(found)} pages; missing {', '.join(missing)}, reachable through "
        "http and https links.",
    )


def test_a_link_found_is_fetched_without_waiting_for_others(kata: kit.Kata) -> None:
    """concurrency=4, per_host=1: the start page links to 3 pages on one host and to a page
    that links to one more. That last page is found at 2 s with slots free: it starts at
    2 s, not after the busy host's pages (a batch or level of pages) have all finished."""
    root = "http://start.test/"
    busy = [f"http://busy.test/p{i}" for i in range(3)]
    hub, leaf = "http://hub.test/", "http://leaf.test/"
    site = Site(
        {root: _html(*busy, hub), hub: _html(leaf), leaf: _html(), **dict.fromkeys(busy, _html())}
    )
    _run(kata, site, root, max_pages=100, concurrency=4, per_host=1)
    found_at = next((ended for url, _, ended in site.requests if url == hub), None)
    started = next((s for url, s, _ in site.requests if url == leaf), None)
    kit.expect(
        found_at is None or (started is not None and started <= found_at + 1e-6),
        f"{hub} was fetched by {found_at} s and links to {leaf}, and request slots were free "
        f"(concurrency=4), yet {leaf} was requested only at {started} s: start a link as soon "
        "as the limits allow, not when a whole batch or level of pages has finished.",
    )


def test_a_page_that_never_connects_is_left_out(kata: kit.Kata) -> None:
    """A page whose connection fails on every try: retried, left out; the crawl goes on."""
    root = "http://mixed.test/"
    down, fine = f"{root}down", f"{root}fine"
    site = Site({root: _html("down", "fine"), down: CONNECTION_ERROR, fine: _html()})
    crawl = kata.get("crawl", "coroutine")
    what = "crawl(..., max_pages=100, concurrency=4, per_host=4)"
    result = kata.run(
        _crawl(crawl, site, root, [], max_pages=100, concurrency=4, per_host=4),
        what=what,
        raises=Exception,
    )
    error = result.error
    kit.expect(
        error is None,
        f"{what} raised {type(error).__name__}: {error}, because {down} refused every "
        "connection: a page that still fails after its last try is left out of the result, "
        "and the crawl goes on.",
    )
    tries = site.counts()[down]
    kit.expect(
        tries >= 2,
        f"{down} refused the connection and was requested {tries} time(s): retry connection "
        "errors (aiohttp.ClientConnectionError) a few times.",
    )
    kit.expect_equal(
        {str(URL(u)) for u in result.value}, {root, fine}, f"the pages {what} returned"
    )


def test_retry_after_on_a_429_is_honoured(kata: kit.Kata) -> None:
    """A 429 with `Retry-After: 3`, then 200: the next try starts 3 s after the first ends."""
    root = "http://throttled.test/"
    slow = f"{root}slow"
    site = Site({root: _html("slow"), slow: [(429, "3"), _html()]})
    found = _run(kata, site, root, max_pages=100, concurrency=4, per_host=4)
    starts = [started for url, started, _ in site.requests if url == slow]
    kit.expect(
        len(starts) == 2 and starts[1] - starts[0] >= 4.0 - 1e-6 and slow in found,
        f"{slow} answered 429 with `Retry-After: 3`, then 200; it was requested at "
        f"{[round(s, 4) for s in starts]} s (each request takes 1 s) and "
        + ("is" if slow in found else "is not")
        + " in the result: wait the seconds Retry-After asks for after a 429 too, then retry.",
    )


def test_hrefs_are_read_as_html(kata: kit.Kata) -> None:
    """`&amp;` in an href is `&`, a link inside an HTML comment is no link, a bare `<a href>`
    (no value) is no link and no crash, and a UTF-8 page's non-ASCII link is read intact."""
    root = "http://parse.test/"
    decoded = f"{root}tom&jerry.html"
    cafe = f"{root}caf%C3%A9.html"  # /café.html, as requested
    site = Site(
        {
            root: _html(
                "/tom&amp;jerry.html",
                "/café.html",
                extra='<!-- <a href="/draft.html">x</a> --><a href>bare</a>',
            ),
            decoded: _html(),
            cafe: _html(),
        }
    )
    crawl = kata.get("crawl", "coroutine")
    what = "crawl(..., max_pages=100, concurrency=4, per_host=4)"
    result = kata.run(
        _crawl(crawl, site, root, [], max_pages=100, concurrency=4, per_host=4),
        what=what,
        raises=Exception,
    )
    error = result.error
    leaves = _leaves(error) if error is not None else []
    nones = [
        e for e in leaves if isinstance(e, AttributeError | TypeError) and "NoneType" in str(e)
    ]
    if nones:
        error = nones[0]
        kit.fail(
            f"{what} raised {type(error).__name__}: {error} (at {kata.where(error)}) on a page "
            "holding a bare `<a href>`, whose href has no value (HTMLParser gives it as None): "
            "an <a> without a value in its href is no link; skip it and go on."
        )
    if error is not None:
        kit.fail(
            f"{what} raised {type(error).__name__}: {error} (at {kata.where(error)}), on a page "
            "holding a comment, an entity (`&amp;`), a bare `<a href>` and a non-ASCII link."
        )
    found = {str(URL(u)) for u in (result.value or ())}
    requested = site.counts()
    kit.expect(
        f"{root}draft.html" not in requested,
        f"crawl requested {root}draft.html, whose <a> tag sits inside an HTML comment: read the "
        "page with html.parser.HTMLParser, which skips comments, and follow only real <a> tags.",
    )
    undecoded = [u for u in requested if "amp;" in u]
    kit.expect(
        not undecoded and decoded in found,
        f"the start page links to `/tom&amp;jerry.html`, that is {decoded} (`&amp;` is how "
        "HTML writes `&`), but crawl requested "
        f"{', '.join(sorted(requested)) or 'nothing'}: take hrefs from html.parser.HTMLParser, "
        "which decodes entities in attribute values.",
    )
    if cafe not in found:
        mojibake = str(URL(f"{root}{'café'.encode().decode('latin-1')}.html"))
        others = sorted(u for u in requested if u not in site.pages)
        seen = (
            f"requested {others[0]} instead" if others else f"never requested {cafe}"
        ) + f" and returned {', '.join(sorted(found))}"
        kit.fail(
            "the start page, sent as UTF-8 (`Content-Type: text/html; charset=utf-8`), links "
            f"to `/café.html` ({cafe}), but crawl {seen}: "
            + (
                "it decoded the page as latin-1. "
                if mojibake in requested
                else "the link did not survive the page's decoding. "
            )
            + "Read a page as text in the charset it declares (`await resp.text()`), not its "
            "bytes decoded with a fixed encoding."
        )


def test_the_session_is_left_open(kata: kit.Kata) -> None:
    """After the crawl, the session passed in is still open (it is the caller's)."""
    crawl = kata.get("crawl", "coroutine")
    root = "http://open.test/"
    site = Site({root: _html("a"), f"{root}a": _html()})
    what = "crawl(..., max_pages=10, concurrency=2, per_host=2)"

    async def scenario() -> None:
        with mock_http() as mock:
            mock.get(re.compile(r".*"), callback=site.callback, repeat=True)
            async with aiohttp.ClientSession() as session:
                await crawl(session, root, max_pages=10, concurrency=2, per_host=2)
                expect_left_open(session, what, "you close only what you opened")

    kata.run(scenario, what=what, raises=Exception)  # an error: the checks above name it


def test_pages_failing_together_retry_apart(kata: kit.Kata) -> None:
    """Two pages answering 500 at the same moment are not retried after the same pauses."""
    root = "http://twins.test/"
    first, second = f"{root}first", f"{root}second"
    site = Site({root: _html("first", "second"), first: 500, second: 500})
    _run(kata, site, root, max_pages=100, concurrency=8, per_host=8)
    times = defaultdict(list)
    for url, started, ended in site.requests:
        times[url].append((started, ended))
    pauses = {
        url: [round(b[0] - a[1], 6) for a, b in itertools.pairwise(times[url])]
        for url in (first, second)
    }
    kit.expect(
        not pauses[first] or pauses[first] != pauses[second],
        f"{first} and {second} both answered 500 for ever, from the same moment, and both were "
        f"retried after exactly the same pauses ({pauses[first]} s): the backoff needs jitter "
        "(random.random() * min(cap, base * 2 ** attempt)), so that pages that failed together "
        "do not all retry together.",
    )


def test_a_dated_retry_after_falls_back_to_backoff(kata: kit.Kata) -> None:
    """A 503 whose Retry-After holds an HTTP date, then 200: retried with backoff, crawled."""
    root = "http://dated.test/"
    page = f"{root}later"
    date = "Wed, 21 Oct 2015 07:28:00 GMT"
    site = Site({root: _html("later"), page: [(503, date), _html()]})
    crawl = kata.get("crawl", "coroutine")
    what = "crawl(..., max_pages=100, concurrency=4, per_host=4)"
    result = kata.run(
        _crawl(crawl, site, root, [], max_pages=100, concurrency=4, per_host=4),
        what=what,
        raises=Exception,
    )
    error = result.error
    kit.expect(
        error is None,
        f"{what} raised {type(error).__name__}: {error}, after {page} answered 503 with "
        f"`Retry-After: {date}`: a Retry-After may hold an HTTP date instead of seconds; wait "
        "its seconds only when it is a whole number (`value.isdigit()`), else back off as usual, "
        "as in the retry kata.",
    )
    kit.expect(
        site.counts()[page] == 2 and page in {str(URL(u)) for u in result.value or ()},
        f"{page} answered 503 with `Retry-After: {date}`, then 200; it was requested "
        f"{site.counts()[page]} time(s) and is "
        + ("" if page in {str(URL(u)) for u in result.value or ()} else "not ")
        + "in the result: retry it with the usual backoff (that Retry-After holds no number "
        "of seconds), then crawl it.",
    )


def test_a_long_retry_after_is_obeyed(kata: kit.Kata) -> None:
    """A 503 with `Retry-After: 20`, then 200: the next try starts 20 s after the first ends."""
    root = "http://busy.test/"
    page = f"{root}queue"
    site = Site({root: _html("queue"), page: [(503, "20"), _html()]})
    found = _run(kata, site, root, max_pages=100, concurrency=4, per_host=4)
    spans = [(started, ended) for url, started, ended in site.requests if url == page]
    kit.expect(
        len(spans) == 2 and spans[1][0] - spans[0][1] >= 20.0 - 1e-6 and page in found,
        f"{page} answered 503 with `Retry-After: 20`, then 200; it was requested at "
        f"{[round(s, 4) for s, _ in spans]} s (each request takes 1 s) and "
        + ("is" if page in found else "is not")
        + " in the result: wait all the seconds Retry-After asks for, however many (a cap "
        "bounds the backoff only), then retry.",
    )


def test_a_body_cut_short_is_left_out(kata: kit.Kata) -> None:
    """A page whose body always breaks off half way (ClientPayloadError): left out, and the
    crawl goes on with the other pages."""
    root = "http://cut.test/"
    torn, fine = f"{root}torn", f"{root}fine"
    site = Site({root: _html("torn", "fine"), torn: CUT_SHORT, fine: _html()})
    crawl = kata.get("crawl", "coroutine")
    what = "crawl(..., max_pages=100, concurrency=4, per_host=4)"
    result = kata.run(
        _crawl(crawl, site, root, [], max_pages=100, concurrency=4, per_host=4),
        what=what,
        raises=Exception,
    )
    error = result.error
    kit.expect(
        error is None,
        f"{what} raised {type(error).__name__}: {error}, because the body of {torn} broke off "
        "half way every time (aiohttp.ClientPayloadError): that page failed, so it is left "
        "out of the result, and the crawl goes on. Catch that error where you fetch a page.",
    )
    kit.expect_equal(
        {str(URL(u)) for u in result.value}, {root, fine}, f"the pages {what} returned"
    )


def test_urls_keep_their_case(kata: kit.Kata) -> None:
    """A link to /Docs/Intro.html is fetched as written: a path is case-sensitive."""
    root = "http://case.test/"
    page = f"{root}Docs/Intro.html"
    site = Site(
        {
            root: _html("/Docs/Intro.html"),
            page: _html("Setup.html"),
            f"{root}Docs/Setup.html": _html(),
        }
    )
    found = _run(kata, site, root, max_pages=100, concurrency=4, per_host=4)
    changed = sorted(u for u in site.counts() if u not in site.pages)
    kit.expect(
        not changed,
        f"crawl requested {', '.join(changed)}, but the pages link to /Docs/Intro.html and "
        "Setup.html: keep each URL as urljoin gives it (a path is case-sensitive; only the "
        "#fragment is dropped).",
    )
    kit.expect_equal(found, set(site.pages), "the pages crawl returned")


def test_only_a_200_counts(kata: kit.Kata) -> None:
    """Pages answering 203 or 206 (2xx, but not 200) are not fetched successfully: left out."""
    root = "http://partial.test/"
    odd = {f"{root}copy": 203, f"{root}part": 206}
    site = Site({root: _html("copy", "part", "fine"), **odd, f"{root}fine": _html()})
    found = _run(kata, site, root, max_pages=100, concurrency=4, per_host=4)
    wrong = sorted(url for url in odd if url in found)
    if wrong:
        status = odd[wrong[0]]
        kit.fail(
            f"crawl returned {wrong[0]}, which answered {status} "
            f"({HTTPStatus(status).phrase}): only a status 200 is a page fetched "
            "successfully; check `resp.status == 200`, not `resp.ok` or `status < 300`."
        )
    kit.expect_equal(found, {root, f"{root}fine"}, "the pages crawl returned")


def test_a_cancelled_crawl_leaves_nothing_running(kata: kit.Kata) -> None:
    """The caller's asyncio.timeout(2.5) cancels the crawl (1 s per request, 2 at a time):
    no request is still going, nor starts, after that moment."""
    root = "http://slowsite.test/"
    pages = [f"{root}p{i}" for i in range(8)]
    site = Site({root: _html(*pages), **dict.fromkeys(pages, _html())})
    crawl = kata.get("crawl", "coroutine")
    deadline = 2.5
    what = (
        f"crawl(..., max_pages=100, concurrency=2, per_host=2) under asyncio.timeout({deadline:g})"
    )

    async def scenario() -> str:
        with mock_http() as mock:
            mock.get(re.compile(r".*"), callback=site.callback, repeat=True)
            async with aiohttp.ClientSession() as session:
                try:
                    async with asyncio.timeout(deadline):
                        await crawl(session, root, max_pages=100, concurrency=2, per_host=2)
                except TimeoutError:
                    outcome = "timed out"
                else:
                    outcome = "returned"
                await asyncio.sleep(10)  # time for anything left running to show itself
        return outcome

    def verdict(result: kit.Run[str]) -> None:
        after = [
            (url, started, ended)
            for url, started, ended in site.requests
            if started > deadline + 1e-6 or ended > deadline + 1e-6
        ]
        if site.despite_cancel:
            url, started = site.despite_cancel[0]
            kit.fail(
                f"{what}: the caller's deadline cancelled the crawl at {deadline:g} s, and a "
                f"task it had started was told to cancel, yet went on to request {url} at "
                f"{started:g} s: its code caught the CancelledError (`except BaseException` "
                "or a bare `except:` does) instead of letting it propagate. Catch only the "
                "errors a request can raise."
            )
        if after:
            url, started, ended = after[0]
            kit.fail(
                f"{what}: the caller's deadline cancelled the crawl at {deadline:g} s, yet its "
                f"requests kept going ({len(after)} of them ran past it; {url} ran from "
                f"{started:g} to {ended:g} s): the tasks it had started kept running after "
                "crawl was cancelled. Start them in an asyncio.TaskGroup, which cancels them "
                "when crawl is cancelled, or cancel them in a `finally`."
            )
        kit.expect(
            result.value == "timed out",
            f"{what} {result.value} instead of being cancelled at {deadline:g} s: let the "
            "caller's cancellation propagate (do not catch CancelledError).",
        )

    kata.run(scenario, what=what, verdict=verdict)


def test_a_body_that_breaks_off_while_read_is_left_out(kata: kit.Kata) -> None:
    """A page answers 200, then its body breaks off while it is read (ClientPayloadError from
    `await resp.text()`, as aiohttp raises it): left out, and the crawl goes on."""
    root = "http://torn.test/"
    torn, fine = f"{root}torn", f"{root}fine"
    site = Site({root: _html("torn", "fine"), torn: TORN, fine: _html()})
    crawl = kata.get("crawl", "coroutine")
    what = "crawl(..., max_pages=100, concurrency=4, per_host=4)"
    result = kata.run(
        _crawl(crawl, site, root, [], max_pages=100, concurrency=4, per_host=4),
        what=what,
        raises=Exception,
    )
    error = result.error
    if error is not None:
        leaf = next((e for e in _leaves(error) if isinstance(e, aiohttp.ClientPayloadError)), error)
        kit.fail(
            f"{what} raised {type(leaf).__name__}: {leaf} (at {kata.where(leaf)}): {torn} "
            "answered 200, then its body broke off while it was read (aiohttp raises "
            "ClientPayloadError from `await resp.text()`, after the status has arrived). That "
            "page failed: catch the error around reading the body too, not only around the "
            "request, leave the page out and go on."
        )
    found = {str(URL(u)) for u in (result.value or ())}
    kit.expect(
        torn not in found,
        f"crawl returned {torn}, which answered 200 but whose body broke off while it was read "
        "(ClientPayloadError from `await resp.text()`): a page is fetched successfully only "
        "once its body has been read whole. Count it after the read, not on seeing the 200.",
    )
    kit.expect_equal(found, {root, fine}, f"the pages {what} returned")


def test_the_backoff_grows(kata: kit.Kata) -> None:
    """40 pages answering 500 for ever, slots to spare: the longest of their last pauses is
    well above the longest of their first ones (exponential backoff: the ceiling doubles each
    retry). Maxima, not means: the longest of 40 jittered pauses is close to the ceiling, so
    a doubling ceiling (1.5 times at the least, even over two pauses) and a fixed one (no
    more than 1.5 times but once in millions) stay far apart whatever the draws."""
    root = "http://grow.test/"
    failing = [f"{root}f{i}" for i in range(40)]
    site = Site({root: _html(*failing), **dict.fromkeys(failing, 500)})
    _run(kata, site, root, max_pages=100, concurrency=64, per_host=64)
    times = defaultdict(list)
    for url, started, ended in site.requests:
        times[url].append((started, ended))
    pauses = [
        [b[0] - a[1] for a, b in itertools.pairwise(times[url])]
        for url in failing
        if len(times[url]) >= 3
    ]
    if not pauses:
        return  # two tries or fewer: a single pause shows no growth either way
    first = max(p[0] for p in pauses)
    last = max(p[-1] for p in pauses)
    kit.expect(
        last >= 1.5 * first,
        f"{len(pauses)} pages answering 500 for ever were retried after pauses of at most "
        f"{first:.3g} s the first time and at most {last:.3g} s the last time: the backoff did not "
        "grow. Back off exponentially, with jitter: random.random() * min(cap, base * 2 ** "
        "attempt), so that each retry may wait longer than the one before.",
    )


def test_a_408_is_not_retried(kata: kit.Kata) -> None:
    """A page answering 408 (Request Timeout) is a 4xx like the others: requested once, left
    out, and the crawl goes on."""
    root = "http://slowpoke.test/"
    page, fine = f"{root}timeout", f"{root}fine"
    site = Site({root: _html("timeout", "fine"), page: [408, _html()], fine: _html()})
    found = _run(kata, site, root, max_pages=100, concurrency=4, per_host=4)
    tries = site.counts()[page]
    kit.expect(
        tries == 1,
        f"{page} answered 408 (Request Timeout) and was requested {tries} times: retry only "
        "5xx, 429 and connection errors; a 408 is a 4xx like the others, not retried.",
    )
    kit.expect_equal(found, {root, fine}, "the pages crawl returned")


def test_a_second_crawl_starts_afresh(kata: kit.Kata) -> None:
    """Two crawls of the same site, one after the other, its page b gone (404) by the second:
    the second one fetches every page again and returns only what it fetched (nothing of the
    first call is kept)."""
    root = "http://again.test/"
    pages = {root: _html("a", "b"), f"{root}a": _html("b"), f"{root}b": _html()}
    first = _run(kata, Site(dict(pages)), root, max_pages=100, concurrency=4, per_host=2)
    site = Site({url: html for url, html in pages.items() if url != f"{root}b"})
    second = _run(kata, site, root, max_pages=100, concurrency=4, per_host=2)
    requested = len(site.counts())
    want = {root, f"{root}a"}
    kit.expect(
        first == set(pages) and requested == len(pages) and second == want,
        f"a second crawl of a site of {len(pages)} pages (one of them now answering 404), "
        f"after a first one, requested {requested} of them and returned {sorted(second)!r}; "
        f"expected all {len(pages)} requested and {sorted(want)!r} returned (the first crawl "
        f"returned {sorted(first)!r}): something outlived the first call. Make the crawl's "
        "state (the URLs seen, the pages fetched, the limits) afresh inside each call of "
        "crawl(), not at module level.",
    )


def test_a_slash_or_a_query_makes_another_url(kata: kit.Kata) -> None:
    """/docs and /docs/, /list?page=1 and /list?page=2 are four URLs: each is fetched."""
    root = "http://paths.test/"
    pages = {
        root: _html("docs", "docs/", "list?page=1", "list?page=2"),
        f"{root}docs": _html(),
        f"{root}docs/": _html(),
        f"{root}list?page=1": _html(),
        f"{root}list?page=2": _html(),
    }
    site = Site(pages)
    found = _run(kata, site, root, max_pages=100, concurrency=4, per_host=4)
    _no_duplicates(site)
    never = sorted(u for u in pages if u not in site.counts())
    if never:
        url = never[0]
        bare = url.rstrip("/")
        twin = next(
            (
                u
                for u in pages
                if u != url and (u.rstrip("/") == bare or u.split("?")[0] == url.split("?")[0] != u)
            ),
            None,
        )
        why = ""
        if twin is not None and twin.rstrip("/") == bare:
            why = " (it differs from it only by a trailing slash)"
        elif twin is not None:
            why = " (it differs from it only by its query)"
        kit.fail(
            f"the start page links to {url}, and crawl never requested it, though it requested "
            f"{twin or 'the other links'}{why}: those are two URLs, and two pages. Keep each "
            "URL as urljoin gives it, and tell URLs apart by the whole URL (only the "
            "#fragment is dropped)."
        )
    kit.expect_equal(found, set(pages), "the pages crawl returned")


def test_a_link_to_an_image_ends_nothing(kata: kit.Kata) -> None:
    """A page links to a JPEG (a 200 whose bytes are not UTF-8 text) and to a page: the crawl
    goes on and returns that page (with the image or without it)."""
    root = "http://photos.test/"
    image, page = f"{root}photo.jpg", f"{root}next.html"
    site = Site({root: _html("photo.jpg", "next.html"), image: BINARY, page: _html("last")})
    site.pages[f"{root}last"] = _html()
    crawl = kata.get("crawl", "coroutine")
    what = "crawl(..., max_pages=100, concurrency=1, per_host=1)"
    result = kata.run(
        _crawl(crawl, site, root, [], max_pages=100, concurrency=1, per_host=1),
        what=what,
        raises=Exception,
    )
    if result.error is not None:
        leaves = _leaves(result.error)
        shown = ", ".join(f"{type(e).__name__}: {e}" for e in leaves[:1])
        kit.fail(
            f"{what} raised {type(result.error).__name__} ({shown}), on a site whose start page "
            f"links to {image}, a 200 JPEG, whose bytes are not UTF-8 text: one page (or file) "
            "must not end the crawl. Decode leniently (`await resp.text(errors='replace')`) "
            "or leave such a page out, and go on."
        )
    found = {str(URL(u)) for u in (result.value or ())}
    want = {root, page, f"{root}last"}
    kit.expect(
        isinstance(result.value, set) and want <= found <= want | {image},
        f"{what} returned {sorted(found)!r} on a site whose start page links to {image} (a "
        f"200 JPEG) and to {page}; expected {sorted(want)!r} (with the image or without it): "
        "a file that is not text must not stop the crawl.",
    )


# Checked last: earlier wrong answers fail the checks above first.
def test_each_crawl_has_its_own_per_host(kata: kit.Kata) -> None:
    """A crawl with per_host=1, then one with per_host=3, on the same loop, each of 7 pages on
    one host: the second one has 3 requests in flight to that host (its own limit, not the
    first call's)."""
    crawl = kata.get("crawl", "coroutine")
    root = "http://own.test/"
    pages = [f"{root}p{i}" for i in range(6)]
    html = {root: _html(*pages), **{p: _html() for p in pages}}
    first, second = Site(dict(html)), Site(dict(html))
    sessions: list[int] = []
    limits = {"max_pages": 100, "concurrency": 8}
    one = _crawl(crawl, first, root, sessions, per_host=1, **limits)
    three = _crawl(crawl, second, root, sessions, per_host=3, **limits)

    async def scenario() -> Any:
        await one()
        return await three()

    what = "crawl(..., concurrency=8, per_host=1), then crawl(..., concurrency=8, per_host=3)"
    kata.run(scenario, what=what)
    most = second.host_peak["own.test"]
    kit.expect(
        most == 3,
        f"{what}, each of 7 pages on own.test: the second crawl had at most {most} request(s) "
        "in flight to own.test; expected 3. "
        + (
            "The first call's per_host=1 was still in force: make the per-host semaphores "
            "afresh in each call (a defaultdict(lambda: asyncio.Semaphore(per_host)) inside "
            "crawl()), not at module level."
            if most == 1
            else "Keep one semaphore per host, made with this call's per_host."
        ),
    )
