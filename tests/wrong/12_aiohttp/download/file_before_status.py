"""Wrong: opens the file before checking the status, so a 404 leaves an empty file."""

EXPECT = "check the status before opening the file"


async def download(session, url, path):
    written = 0
    with open(path, "wb") as file:
        async with session.get(url) as resp:
            try:
                resp.raise_for_status()
                async for chunk in resp.content.iter_chunked(65536):
                    file.write(chunk)
                    written += len(chunk)
            except BaseException:
                if written:
                    path.unlink(missing_ok=True)
                raise
    return written
