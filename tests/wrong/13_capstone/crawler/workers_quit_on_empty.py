"""Wrong: `concurrency` workers that each stop as soon as the queue is empty: at the start only
the first worker finds a URL, the others quit before any link is found, and the crawl runs one
page at a time."""

import asyncio
import random
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp

EXPECT = "a worker that stops when the queue is empty"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


async def get(session, url):
    for attempt in range(4):
        delay = random.random() * min(8.0, 0.5 * 2**attempt)
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text()
                if resp.status < 500 and resp.status != 429:
                    return None
                after = resp.headers.get("Retry-After", "")
                if after.isdigit():
                    delay = float(after)
        except aiohttp.ClientConnectionError:
            pass
        if attempt < 3:
            await asyncio.sleep(delay)
    return None


async def crawl(session, start, *, max_pages, concurrency, per_host):
    seen, found = {start}, set()
    queue = asyncio.Queue()
    queue.put_nowait(start)
    hosts = defaultdict(lambda: asyncio.Semaphore(per_host))

    async def worker():
        while not queue.empty():
            url = queue.get_nowait()
            async with hosts[urlsplit(url).netloc]:
                html = await get(session, url)
            if html is None:
                continue
            found.add(url)
            parser = Links()
            parser.feed(html)
            for href in parser.hrefs:
                link = urldefrag(urljoin(url, href.strip())).url
                if urlsplit(link).scheme in ("http", "https") and link not in seen:
                    if len(seen) < max_pages:
                        seen.add(link)
                        queue.put_nowait(link)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return found
