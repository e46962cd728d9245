"""Wrong: raise_for_status() in the fetch, retrying only 5xx and 429: a 404 raises its
ClientResponseError out of the TaskGroup and ends the whole crawl."""

import asyncio
import random
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp

EXPECT = "a page that still fails is left out"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


async def get(session, url, tries=4):
    for attempt in range(tries):
        try:
            async with session.get(url) as resp:
                resp.raise_for_status()
                return await resp.text()
        except aiohttp.ClientResponseError as error:
            if error.status < 500 and error.status != 429:
                raise
            if attempt == tries - 1:
                return None
            after = (error.headers or {}).get("Retry-After", "")
            delay = float(after) if after.isdigit() else random.random() * min(8.0, 0.5 * 2**attempt)
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                return None
            delay = random.random() * min(8.0, 0.5 * 2**attempt)
        await asyncio.sleep(delay)
    return None


async def crawl(session, start, *, max_pages, concurrency, per_host):
    claimed, found = set(), set()
    slots = asyncio.Semaphore(concurrency)
    hosts = defaultdict(lambda: asyncio.Semaphore(per_host))

    async with asyncio.TaskGroup() as group:

        def schedule(url):
            if url not in claimed and len(claimed) < max_pages:
                claimed.add(url)
                group.create_task(visit(url))

        async def visit(url):
            async with hosts[urlsplit(url).netloc], slots:
                html = await get(session, url)
            if html is not None:
                found.add(url)
                parser = Links()
                parser.feed(html)
                for href in parser.hrefs:
                    link = urldefrag(urljoin(url, href.strip())).url
                    if urlsplit(link).scheme in ("http", "https"):
                        schedule(link)

        schedule(urldefrag(start).url)
    return found
