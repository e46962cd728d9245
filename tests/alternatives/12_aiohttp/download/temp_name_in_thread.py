"""Correct in another style: write to `<name>.part` in a worker thread, rename when complete."""

import asyncio
import contextlib
from pathlib import Path

import aiohttp


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    part = path.with_name(path.name + ".part")
    async with session.get(url, raise_for_status=True) as resp:
        file = await asyncio.to_thread(open, part, "wb")
        written = 0
        try:
            async for chunk in resp.content.iter_chunked(256 * 1024):
                await asyncio.to_thread(file.write, chunk)
                written += len(chunk)
        except BaseException:
            file.close()
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
            raise
        file.close()
    part.replace(path)
    return written
