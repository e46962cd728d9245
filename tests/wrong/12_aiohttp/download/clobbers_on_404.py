"""Wrong: opens the file before checking the status and removes it on any error: a 404
destroys the file that was already at path."""

EXPECT = "check the status before opening the file"


async def download(session, url, path):
    written = 0
    try:
        with open(path, "wb") as file:
            async with session.get(url) as resp:
                resp.raise_for_status()
                async for chunk in resp.content.iter_chunked(65536):
                    file.write(chunk)
                    written += len(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return written
