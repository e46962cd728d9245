"""Wrong: reads each file in text mode (latin-1, so any byte decodes) and encodes it back:
text mode turns every \\r and \\r\\n into \\n, so a file holding a carriage return gets the
digest of other bytes. Open the file in binary mode ('rb') and hash its bytes as they are."""

import asyncio
import hashlib

EXPECT = "read in text mode"


def _digest(path):
    with open(path, encoding="latin-1") as f:
        return hashlib.sha256(f.read().encode("latin-1")).hexdigest()


async def hash_files(paths):
    paths = list(dict.fromkeys(paths))
    digests = await asyncio.gather(*(asyncio.to_thread(_digest, p) for p in paths))
    return dict(zip(paths, digests))
