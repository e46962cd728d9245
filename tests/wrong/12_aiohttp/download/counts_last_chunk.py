"""Wrong: `written = len(chunk)` instead of `+=`: returns the size of the last chunk."""

EXPECT = "add up len(chunk)"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(65536):
                    file.write(chunk)
                    written = len(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return written
