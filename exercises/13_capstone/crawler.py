"""Capstone: a concurrent, polite web crawler.

Write `crawl(session, start, *, max_pages, concurrency, per_host)`. Starting from the URL
`start`, fetch pages with the `session` you are given, find the links in each page's
`<a href="...">` tags, and crawl those too. Return the set of URLs (strings) of the pages
fetched successfully (status 200 after any retries).

    pages = await crawl(session, "http://site.test/", max_pages=50, concurrency=8, per_host=2)

Rules:
- Links: only `<a href>` (not `<link>`, `<img>`...). Strip the spaces around an href,
  resolve relative links against the page's URL (`urllib.parse.urljoin`), drop `#fragments`
  (`urldefrag`), and skip anything that is not http or https (`mailto:`, `javascript:`,
  `ftp:`...). Parse with `html.parser.HTMLParser`. Follow links to any host, not only the
  start page's, and keep each URL as `urljoin` gives it (a path is case-sensitive).
- Each URL is fetched at most once, even when many pages link to it (retries aside).
- `max_pages`: at most that many distinct URLs are ever requested (start included).
- `concurrency`: at most that many requests in flight at once; `per_host`: at most that many
  in flight to any one host. Use both fully: with enough work, that many run at once.
  A link found is fetched as soon as the limits allow, not after a batch or level of pages.
- Retries: a 5xx or 429 answer, or a connection error (`aiohttp.ClientConnectionError`), is
  retried three to nine times (four to ten tries in all) with exponential backoff and
  jitter, or after the seconds a
  `Retry-After` header asks for, and with no wait after the last try (the `retry` kata);
  other 4xx are not retried. A page that still fails (a body cut short,
  `aiohttp.ClientPayloadError`, is a failure too) is left out of the result; the crawl
  goes on.
- Leave nothing behind: no task still running, no session you opened, no warning. Leave the
  session you are given open: it is the caller's.

Key API: `asyncio.Semaphore`, `collections.defaultdict`, `asyncio.TaskGroup` or an
`asyncio.Queue` of URLs with worker tasks, `html.parser.HTMLParser`, `urllib.parse`,
`async with session.get(url) as resp`, `await resp.text()`.

Grade it: nox -s grade -- crawler
"""

import aiohttp


async def crawl(
    session: aiohttp.ClientSession, start: str, *, max_pages: int, concurrency: int, per_host: int
) -> set[str]:
    """Crawl from `start`; return the URLs of the pages fetched successfully."""
    raise NotImplementedError("fetch pages, follow <a href> links, hold the limits")
