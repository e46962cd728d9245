"""Wrong: raises when the server closes, but skips closing its own side on the way out."""

import asyncio

EXPECT = "close it on the way out too"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        if not reply:
            raise ConnectionError("the server hung up")
        replies.append(reply.decode().removesuffix("\n"))
    writer.close()
    await writer.wait_closed()
    return replies
