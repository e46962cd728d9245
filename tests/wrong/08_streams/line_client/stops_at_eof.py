"""Wrong: stops quietly when the server closes and returns the replies so far."""

import asyncio

EXPECT = "instead of raising"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        if not reply:
            break
        replies.append(reply.decode().removesuffix("\n"))
    writer.close()
    await writer.wait_closed()
    return replies
