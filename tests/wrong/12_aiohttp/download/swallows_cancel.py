"""Wrong: removes the partial file on an error but returns 0 on a cancellation, which is lost."""

EXPECT = "the caller's cancellation is lost"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
        except BaseException as error:
            path.unlink(missing_ok=True)
            if isinstance(error, Exception):
                raise
            return 0
    return written
