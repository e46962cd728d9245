"""Wrong: reads and hashes each file directly in the coroutine, blocking the loop."""

import hashlib

EXPECT = "hashing on the event loop blocks every other task"


async def hash_files(paths):
    result = {}
    for path in paths:
        with open(path, "rb") as file:
            result[path] = hashlib.sha256(file.read()).hexdigest()
    return result
