"""Correct in another style: iter_any() chunks and os.remove in an except clause."""

import os
from pathlib import Path

import aiohttp


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        if resp.status >= 400:
            resp.raise_for_status()
        total = 0
        out = open(path, "wb")  # noqa: ASYNC230 - closed in both branches below
        try:
            async for chunk in resp.content.iter_any():
                total += out.write(chunk)
        except BaseException:  # a cancellation too
            out.close()
            os.remove(path)
            raise
        out.close()
        return total
