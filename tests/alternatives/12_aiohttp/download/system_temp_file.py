"""Streams into a tempfile.NamedTemporaryFile (the system's temporary folder), then moves it
to path; removes the temporary file on any interruption."""

import os
import shutil
import tempfile
from pathlib import Path

import aiohttp


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        with tempfile.NamedTemporaryFile("wb", suffix=".part", delete=False) as file:
            try:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
            except BaseException:
                file.close()
                os.unlink(file.name)
                raise
    shutil.move(file.name, path)
    return written
