"""Wrong: raises its own RuntimeError for an error status instead of aiohttp.ClientResponseError."""

EXPECT = "expected aiohttp.ClientResponseError"


async def download(session, url, path):
    async with session.get(url) as resp:
        if resp.status >= 400:
            raise RuntimeError(f"download failed: HTTP {resp.status}")
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return written
