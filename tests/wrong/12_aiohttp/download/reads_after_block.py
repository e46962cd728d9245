"""Wrong: leaves the `async with session.get(...)` block before reading the body."""

EXPECT = "after the `async with session.get(url) as resp:` block"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
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
