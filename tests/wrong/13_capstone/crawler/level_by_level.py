"""Wrong: crawls level by level (one gather per level), so a link found early waits for the slowest page of its level while slots are free."""

EXPECT = "not when a whole batch or level of pages has finished"


import asyncio
import contextlib
import random
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


async def _fetch(session: aiohttp.ClientSession, url: str, tries: int = 5) -> str | None:
    for attempt in range(tries):
        delay = random.uniform(0, min(4.0, 0.25 * 2**attempt))
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text()
                if resp.status != 429 and resp.status < 500:
                    return None
                with contextlib.suppress(ValueError):
                    delay = int(resp.headers.get("Retry-After", ""))
        except aiohttp.ClientConnectionError:
            pass
        if attempt < tries - 1:  # no wait after the last try
            await asyncio.sleep(delay)
    return None


async def crawl(
    session: aiohttp.ClientSession, start: str, *, max_pages: int, concurrency: int, per_host: int
) -> set[str]:
    slots = asyncio.Semaphore(concurrency)
    hosts: dict[str, asyncio.Semaphore] = {}
    start = urldefrag(start).url
    seen = {start}
    ok: set[str] = set()
    level = [start]

    async def visit(url: str) -> list[str]:
        host = hosts.setdefault(urlsplit(url).netloc, asyncio.Semaphore(per_host))
        async with host, slots:
            html = await _fetch(session, url)
        if html is None:
            return []
        ok.add(url)
        parser = _Anchors()
        parser.feed(html)
        return [urldefrag(urljoin(url, h.strip())).url for h in parser.hrefs]

    while level:
        found = await asyncio.gather(*(visit(u) for u in level))
        level = []
        for links in found:
            for link in links:
                if urlsplit(link).scheme in ("http", "https") and link not in seen:
                    if len(seen) < max_pages:
                        seen.add(link)
                        level.append(link)
    return ok
