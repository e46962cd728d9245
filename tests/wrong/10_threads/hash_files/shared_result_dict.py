"""Wrong: fills and returns one module-level dict, cleared at the start of each call: the next
call empties and refills the dict an earlier caller holds, and two calls at once mix their
paths."""

import asyncio
import hashlib
from collections.abc import Iterable

EXPECT = "both calls filled one dict kept at module level"

_results: dict[str, str] = {}


def _sha256_of(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    _results.clear()  # keep no digests from the last call

    async def one(path: str) -> None:
        _results[path] = await asyncio.to_thread(_sha256_of, path)

    await asyncio.gather(*(one(p) for p in paths))
    return _results
