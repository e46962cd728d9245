"""Correct in another style: one file after another in an executor, hashing in 1 MiB chunks."""

import asyncio
import hashlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    loop = asyncio.get_running_loop()
    result = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for path in paths:
            result[path] = await loop.run_in_executor(pool, _sha256, path)
    return result
