"""Wrong: opens a new connection for every line."""

import asyncio

EXPECT = "connections; expected 1"


async def request_lines(host, port, lines):
    replies = []
    for line in lines:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(line.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip("\n"))
        writer.close()
        await writer.wait_closed()
    return replies
