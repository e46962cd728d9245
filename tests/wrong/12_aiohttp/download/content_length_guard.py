"""Wrong: removes the partial file only when fewer bytes than Content-Length were written, so a chunked answer (no Content-Length) that breaks half way leaves its partial file."""

from pathlib import Path

import aiohttp

EXPECT = "The error itself says the file is partial"

CHUNK = 64 * 1024


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    """Stream `url` into `path`; return the number of bytes; remove a partial file on error."""
    async with session.get(url) as resp:
        # An error status raises here, before any file exists.
        resp.raise_for_status()
        written = 0
        try:
            # Only one chunk is in memory at a time. Writing 64 KiB to a local file is quick
            # enough to do on the loop (hence the noqa); a slow disk would call for
            # asyncio.to_thread (see the alternatives).
            with open(path, "wb") as file:  # noqa: ASYNC230
                async for chunk in resp.content.iter_chunked(CHUNK):
                    file.write(chunk)
                    written += len(chunk)
        except BaseException:
            # A broken stream (ClientPayloadError), a timeout or a cancellation: the file is
            # incomplete. Remove it, then let the error go on to the caller.
            if resp.content_length is not None and written < resp.content_length:
                path.unlink(missing_ok=True)
            raise
    return written
