"""Wrong: never closes the connection at all."""

import asyncio

EXPECT = "connection was still open"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip("\n"))
    return replies
