"""Correct in another style: each visit fetches its page, then gathers the visits of the new
links it found (recursion instead of a TaskGroup or a queue); a link is claimed before its
visit starts, and `except aiohttp.ClientError` leaves a failed page out."""

import asyncio
import random
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp


class Hrefs(HTMLParser):
    """The href of each <a> tag."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if tag == "a" and name == "href" and value:
                self.links.append(value)


async def crawl(
    session: aiohttp.ClientSession, start: str, *, max_pages: int, concurrency: int, per_host: int
) -> set[str]:
    """Crawl from `start`; return the URLs of the pages fetched successfully."""
    claimed: set[str] = set()
    ok: set[str] = set()
    anywhere = asyncio.Semaphore(concurrency)
    per: dict[str, asyncio.Semaphore] = {}

    async def text_of(url: str) -> str | None:
        for attempt in range(5):
            wait = random.random() * min(8.0, 0.5 * 2**attempt)
            try:
                async with session.get(url) as resp:
                    if resp.status == 200:
                        return await resp.text(errors="replace")
                    if resp.status < 500 and resp.status != 429:
                        return None
                    header = resp.headers.get("Retry-After", "")
                    if header.isdigit():
                        wait = int(header)
            except aiohttp.ClientResponseError:
                return None
            except aiohttp.ClientError:
                pass
            if attempt < 4:
                await asyncio.sleep(wait)
        return None

    def claim(url: str) -> bool:
        if urlsplit(url).scheme not in ("http", "https") or url in claimed:
            return False
        if len(claimed) >= max_pages:
            return False
        claimed.add(url)
        return True

    async def visit(url: str) -> None:
        host = per.setdefault(urlsplit(url).netloc, asyncio.Semaphore(per_host))
        async with host, anywhere:
            text = await text_of(url)
        if text is None:
            return
        ok.add(url)
        parser = Hrefs()
        parser.feed(text)
        found = [urldefrag(urljoin(url, href.strip())).url for href in parser.links]
        await asyncio.gather(*(visit(link) for link in found if claim(link)))

    first = urldefrag(start).url
    if claim(first):
        await visit(first)
    return ok
