"""Wrong: reads the whole body into memory with resp.read(), then writes it."""

EXPECT = "read the whole body"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        data = await resp.read()
    path.write_bytes(data)
    return len(data)
