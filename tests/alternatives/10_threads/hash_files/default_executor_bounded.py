"""Correct in another style: the loop's default executor via run_in_executor(None, ...),
at most 2 files at a time (a semaphore), chunks read with readinto into one buffer."""

import asyncio
import hashlib


def _sha256(path):
    digest = hashlib.sha256()
    buffer = bytearray(1 << 18)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as file:
        while count := file.readinto(buffer):
            digest.update(view[:count])
    return digest.hexdigest()


async def hash_files(paths):
    loop = asyncio.get_running_loop()
    semaphore = asyncio.Semaphore(2)

    async def one(path):
        async with semaphore:
            return path, await loop.run_in_executor(None, _sha256, path)

    return dict(await asyncio.gather(*(one(p) for p in set(paths))))
