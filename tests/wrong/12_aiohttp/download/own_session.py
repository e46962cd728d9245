"""Wrong: ignores the session it was given and opens a new ClientSession for the download."""

import aiohttp

EXPECT = "make the request with the session passed in"


async def download(session, url, path):
    async with aiohttp.ClientSession() as mine, mine.get(url) as resp:
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
