"""Wrong: streams correctly but leaves the partial file behind when the stream breaks."""

EXPECT = "remove the partial file"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        with open(path, "wb") as file:
            async for chunk in resp.content.iter_chunked(65536):
                file.write(chunk)
                written += len(chunk)
    return written
