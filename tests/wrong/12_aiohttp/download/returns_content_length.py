"""Wrong: returns resp.content_length, which is None for a chunked answer (and the compressed size for a gzip one)."""

import aiohttp

EXPECT = "resp.content_length is None"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return resp.content_length  # the size of the body we just saved
