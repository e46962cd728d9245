"""Wrong: removes the partial file but swallows the error and returns 0."""

import aiohttp

EXPECT = "re-raise the error"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(65536):
                    file.write(chunk)
                    written += len(chunk)
        except aiohttp.ClientError:
            path.unlink(missing_ok=True)
            return 0
    return written
