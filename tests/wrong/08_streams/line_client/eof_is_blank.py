"""Wrong: takes the b"" of a closed connection for a blank reply and goes on."""

import asyncio

EXPECT = "that is not a reply"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            replies.append(reply.decode().removesuffix("\n"))
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
