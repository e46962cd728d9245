"""Wrong: calls writer.close() but returns without awaiting wait_closed()."""

import asyncio

EXPECT = "wait_closed()"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip("\n"))
    writer.close()
    return replies
