"""Wrong: shares in-flight hashing between calls ("two callers asking for the same path wait
for one thread"): a call made after a file changed, while an earlier call is still hashing
that path, gets the digest of the old contents."""

import asyncio
import hashlib
from collections.abc import Iterable

EXPECT = "the later call gave the digest the earlier call computed"

_in_flight: dict[str, asyncio.Future[str]] = {}


def _sha256_of(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def _digest(path: str) -> str:
    job = _in_flight.get(path)
    if job is None:
        job = asyncio.ensure_future(asyncio.to_thread(_sha256_of, path))
        _in_flight[path] = job
        job.add_done_callback(lambda _: _in_flight.pop(path, None))
    return await asyncio.shield(job)


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    paths = list(paths)
    digests = await asyncio.gather(*(_digest(p) for p in paths))
    return dict(zip(paths, digests, strict=True))
