"""Correct in another style: loop.run_in_executor with a pool of its own, results collected
with asyncio.as_completed (each future carries its path), one key per distinct path."""

import asyncio
import concurrent.futures
import hashlib


def _digest(path):
    sha = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 16):
            sha.update(chunk)
    return path, sha.hexdigest()


async def hash_files(paths):
    loop = asyncio.get_running_loop()
    result = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = [loop.run_in_executor(pool, _digest, path) for path in dict.fromkeys(paths)]
        for next_done in asyncio.as_completed(futures):
            path, digest = await next_done
            result[path] = digest
    return result
