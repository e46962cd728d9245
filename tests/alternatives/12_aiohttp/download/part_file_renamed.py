"""Correct in another style: the body goes to a .part file beside the target, renamed over it with
os.replace once complete; any failure removes the .part file.
"""

import os


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        part = path.with_name(path.name + ".part")
        size = 0
        try:
            with open(part, "wb") as f:  # noqa: ASYNC230 - as the kata allows
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    f.write(chunk)
                    size += len(chunk)
            os.replace(part, path)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    return size
