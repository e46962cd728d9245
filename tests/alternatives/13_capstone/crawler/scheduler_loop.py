"""Correct in another style: no semaphores; one scheduler loop starts fetches while the
limits allow (counting in-flight requests per host) and waits for the first to finish."""

import asyncio
import random
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for name, value in attrs:
                if name == "href" and value is not None:
                    self.hrefs.append(value)


async def _fetch(session, url, tries=4):
    for attempt in range(tries):
        wait = random.random() * min(8.0, 0.5 * 2**attempt)
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text(errors="replace")
                if resp.status < 500 and resp.status != 429:
                    return None
                after = resp.headers.get("Retry-After", "")
                if after.isdigit():
                    wait = int(after)
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError):
            pass
        if attempt + 1 < tries:
            await asyncio.sleep(wait)
    return None


async def crawl(session, start, *, max_pages, concurrency, per_host):
    start = urldefrag(start).url
    seen, ok = {start}, set()
    frontier = deque([start])
    busy: Counter[str] = Counter()
    running: dict[asyncio.Task, str] = {}
    try:
        while frontier or running:
            for url in list(frontier):
                host = urlsplit(url).netloc
                if len(running) < concurrency and busy[host] < per_host:
                    frontier.remove(url)
                    busy[host] += 1
                    running[asyncio.ensure_future(_fetch(session, url))] = url
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                url = running.pop(task)
                busy[urlsplit(url).netloc] -= 1
                html = task.result()
                if html is None:
                    continue
                ok.add(url)
                parser = _Anchors()
                parser.feed(html)
                for href in parser.hrefs:
                    link = urldefrag(urljoin(url, href.strip())).url
                    if urlsplit(link).scheme in ("http", "https") and link not in seen:
                        if len(seen) < max_pages:
                            seen.add(link)
                            frontier.append(link)
    finally:
        for task in running:
            task.cancel()
    return ok
