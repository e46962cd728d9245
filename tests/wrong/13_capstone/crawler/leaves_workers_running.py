"""Wrong: a worker pool whose workers are never cancelled: tasks are left running."""

import asyncio
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp

EXPECT = "still running"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


async def get(session, url):
    for attempt in range(4):
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return await resp.text()
                if resp.status < 500 and resp.status != 429:
                    return None
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.1 * 2**attempt)
    return None


async def crawl(session, start, *, max_pages, concurrency, per_host):
    seen, found = {start}, set()
    queue = asyncio.Queue()
    queue.put_nowait(start)
    hosts = {}

    async def worker():
        while True:
            url = await queue.get()
            host = urlsplit(url).netloc
            sem = hosts.setdefault(host, asyncio.Semaphore(per_host))
            try:
                async with sem:
                    html = await get(session, url)
                if html is not None:
                    found.add(url)
                    parser = Links()
                    parser.feed(html)
                    for href in parser.hrefs:
                        link = urldefrag(urljoin(url, href)).url
                        if urlsplit(link).scheme in ("http", "https") and link not in seen:
                            if len(seen) < max_pages:
                                seen.add(link)
                                queue.put_nowait(link)
            finally:
                queue.task_done()

    for _ in range(concurrency):
        asyncio.create_task(worker())
    await queue.join()
    return found
