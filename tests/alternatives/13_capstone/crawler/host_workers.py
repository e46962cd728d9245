"""Correct in another style: per host, a queue and `per_host` worker tasks; one global
semaphore for `concurrency`; an Event set when no URL is pending; workers cancelled at the end."""

import asyncio
import random
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp


class Anchors(HTMLParser):
    """The href of every <a> tag, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.found.append(href)


async def fetch(session: aiohttp.ClientSession, url: str) -> str | None:
    """The page's text after up to 4 tries, or None."""
    for attempt in range(4):
        pause = random.uniform(0, min(8.0, 0.5 * 2**attempt))
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text(errors="replace")
                if 400 <= resp.status < 500 and resp.status != 429:
                    return None
                asked = resp.headers.get("Retry-After", "")
                if asked.isdigit():
                    pause = int(asked)
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError):
            pass
        if attempt == 3:
            return None
        await asyncio.sleep(pause)
    return None


async def crawl(
    session: aiohttp.ClientSession, start: str, *, max_pages: int, concurrency: int, per_host: int
) -> set[str]:
    """Crawl from `start`; return the URLs of the pages fetched successfully."""
    seen: set[str] = set()
    done: set[str] = set()
    queues: dict[str, asyncio.Queue[str]] = {}
    workers: list[asyncio.Task[None]] = []
    gate = asyncio.Semaphore(concurrency)
    pending = 0
    idle = asyncio.Event()

    async def work(queue: asyncio.Queue[str]) -> None:
        nonlocal pending
        while True:
            url = await queue.get()
            async with gate:
                text = await fetch(session, url)
            if text is not None:
                done.add(url)
                parser = Anchors()
                parser.feed(text)
                for href in parser.found:
                    add(urldefrag(urljoin(url, href.strip()))[0])
            pending -= 1
            if not pending:
                idle.set()

    def add(url: str) -> None:
        nonlocal pending
        if urlsplit(url).scheme not in {"http", "https"} or url in seen or len(seen) >= max_pages:
            return
        seen.add(url)
        pending += 1
        host = urlsplit(url).netloc
        if host not in queues:
            queues[host] = asyncio.Queue()
            workers.extend(asyncio.create_task(work(queues[host])) for _ in range(per_host))
        queues[host].put_nowait(url)

    add(urldefrag(start)[0])
    try:
        if pending:
            await idle.wait()
    finally:
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    return done
