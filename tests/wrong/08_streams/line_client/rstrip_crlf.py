"""Wrong: strips "\\r\\n" from each reply, so a carriage return that is part of it is lost."""

import asyncio

EXPECT = "carriage returns"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            replies.append(reply.decode().rstrip("\r\n"))  # drop the line ending
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
