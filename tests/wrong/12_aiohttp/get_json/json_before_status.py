"""Wrong: decodes the body before calling raise_for_status.

An error page is often HTML (or garbage labelled JSON): `await response.json()` then raises a
decoding error, and the caller never gets the ClientResponseError with the status.
"""

EXPECT = "decoded the body before checking the status"


async def get_json(session, url):
    async with session.get(url) as response:
        data = await response.json()
        response.raise_for_status()
        return data
