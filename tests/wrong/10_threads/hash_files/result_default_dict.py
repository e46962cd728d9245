"""Wrong: the result dict is a mutable default argument, `out={}`, made once with the
function: every call adds to it, so a later call also returns the paths of earlier ones."""

import asyncio
import hashlib

EXPECT = "a mutable default argument"


def _sha256(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths, out={}):
    paths = list(paths)
    for path, digest in zip(paths, await asyncio.gather(*(asyncio.to_thread(_sha256, p) for p in paths))):
        out[path] = digest
    return out
