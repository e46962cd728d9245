"""Correct in another style: a plain threading.Thread per file, which hands its digest to a loop
future through call_soon_threadsafe; the threads are joined off the loop.
"""

import asyncio
import hashlib
import threading


async def hash_files(paths):
    loop = asyncio.get_running_loop()
    futures = {}

    def work(path, fut):
        try:
            with open(path, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        except BaseException as e:  # noqa: BLE001
            loop.call_soon_threadsafe(fut.set_exception, e)
        else:
            loop.call_soon_threadsafe(fut.set_result, digest)

    threads = []
    for p in paths:
        if p in futures:
            continue
        futures[p] = loop.create_future()
        t = threading.Thread(target=work, args=(p, futures[p]))
        t.start()
        threads.append(t)
    try:
        return {p: await f for p, f in futures.items()}
    finally:
        for t in threads:
            await asyncio.to_thread(t.join)
