"""Wrong: a timeout on the headers and on each chunk, never on the whole body."""

import asyncio
import json

EXPECT = "a timeout around each read"


async def fetch_with_timeout(session, url, total):
    try:
        async with asyncio.timeout(total):
            response = await session.get(url)
        async with response:
            response.raise_for_status()
            body = b""
            while chunk := await asyncio.wait_for(response.content.read(1024), total):
                body += chunk
            return json.loads(body)
    except TimeoutError:
        return None
