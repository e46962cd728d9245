"""Wrong: `except Exception` misses CancelledError: a cancelled download leaves a partial file."""

EXPECT = "CancelledError is a BaseException"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
        except Exception:
            path.unlink(missing_ok=True)
            raise
    return written
