"""Correct in another style: one TaskGroup task per link, taking the host's semaphore before the
global one; text(errors='replace') so a binary page does not stop the crawl.
"""

import asyncio
import collections
import random
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp

TRIES = 4


class _Links(HTMLParser):
    def __init__(self, base):
        super().__init__()
        self.base = base
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        for name, value in attrs:
            if name == "href" and value is not None:
                url = urldefrag(urljoin(self.base, value.strip())).url
                if urlsplit(url).scheme in ("http", "https"):
                    self.found.append(url)


def links_of(base, text):
    parser = _Links(base)
    parser.feed(text)
    parser.close()
    return parser.found


async def _get(session, url):
    for attempt in range(TRIES):
        wait = None
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text(errors="replace")
                if resp.status != 429 and resp.status < 500:
                    return None
                header = resp.headers.get("Retry-After", "")
                if header.isdigit():
                    wait = int(header)
        except aiohttp.ClientConnectionError:
            pass
        if attempt == TRIES - 1:
            return None
        if wait is None:
            wait = random.random() * min(4.0, 0.25 * 2**attempt)
        await asyncio.sleep(wait)
    return None


async def crawl(session, start, *, max_pages, concurrency, per_host):
    everyone = asyncio.Semaphore(concurrency)
    hosts = collections.defaultdict(lambda: asyncio.Semaphore(per_host))
    seen = set()
    fetched = set()

    async def visit(tg, url):
        async with hosts[urlsplit(url).netloc], everyone:
            try:
                text = await _get(session, url)
            except aiohttp.ClientError:
                text = None
        if text is None:
            return
        fetched.add(url)
        for link in links_of(url, text):
            if link not in seen and len(seen) < max_pages:
                seen.add(link)
                tg.create_task(visit(tg, link))

    if max_pages < 1:
        return set()
    seen.add(start)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(visit(tg, start))
    return fetched
