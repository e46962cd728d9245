"""Correct in another style: path.open("wb") and resp.content.read(n) until it gives b""."""

from pathlib import Path

import aiohttp


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with path.open("wb") as out:
                while chunk := await resp.content.read(64 * 1024):
                    written += out.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)  # noqa: ASYNC240
            raise
        return written
