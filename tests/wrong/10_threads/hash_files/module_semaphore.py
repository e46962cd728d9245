"""Wrong: bounds the threads with a Semaphore made at import time: the first event loop that
waits on it owns it, so a call from a second event loop (a second asyncio.run()) fails."""

import asyncio
import hashlib

EXPECT = "then raised RuntimeError in a second one"

_SLOTS = asyncio.Semaphore(2)  # made once, when the module is imported


def _sha256_of(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths):
    paths = list(paths)

    async def one(path: str) -> str:
        async with _SLOTS:
            return await asyncio.to_thread(_sha256_of, path)

    return dict(zip(paths, await asyncio.gather(*(one(p) for p in paths)), strict=True))
