"""Wrong: encodes the lines as ASCII, so any other character raises."""

import asyncio

EXPECT = "UnicodeEncodeError"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    try:
        for line in lines:
            writer.write(line.encode("ascii") + b"\n")
            await writer.drain()
            replies.append((await reader.readline()).decode("ascii").removesuffix("\n"))
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
