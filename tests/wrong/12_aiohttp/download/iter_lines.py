"""Wrong: iterates `resp.content` itself, which reads line by line: binary data without a newline breaks it."""

EXPECT = "a binary file need not hold any line break"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:
                async for line in resp.content:
                    file.write(line)
                    written += len(line)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return written
