"""Wrong: decodes the body as latin-1, which garbles non-ASCII text."""

import json

EXPECT = "JSON text is UTF-8"


async def get_json(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
        return json.loads(await response.text(encoding="latin-1"))
