"""Wrong: follows only http links, and skips https ones.

The docstring says to skip anything that is not http or https: an https page is a web page
like any other (most of the web today), and must be crawled.
"""

import asyncio
import random
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp

EXPECT = "an https link"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


async def _get(session, url, tries=4):
    for attempt in range(tries):
        delay = random.random() * min(8.0, 0.5 * 2**attempt)
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text()
                if resp.status != 429 and resp.status < 500:
                    return None
                retry_after = resp.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    delay = float(retry_after)
        except aiohttp.ClientConnectionError:
            pass
        if attempt < tries - 1:
            await asyncio.sleep(delay)
    return None


async def crawl(session, start, *, max_pages, concurrency, per_host):
    seen, fetched = set(), set()
    slots = asyncio.Semaphore(concurrency)
    hosts = defaultdict(lambda: asyncio.Semaphore(per_host))

    async with asyncio.TaskGroup() as group:

        def schedule(url):
            if url not in seen and len(seen) < max_pages:
                seen.add(url)
                group.create_task(visit(url))

        async def visit(url):
            async with hosts[urlsplit(url).netloc], slots:
                html = await _get(session, url)
            if html is None:
                return
            fetched.add(url)
            parser = _Links()
            parser.feed(html)
            for href in parser.hrefs:
                link = urldefrag(urljoin(url, href.strip())).url
                if urlsplit(link).scheme == "http":  # https links are skipped
                    schedule(link)

        schedule(urldefrag(start).url)
    return fetched
