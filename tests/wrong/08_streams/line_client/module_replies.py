"""Wrong: the replies list lives at module level: a second call returns the first call's
replies too."""

import asyncio

EXPECT = "collects every call's replies"

replies = []


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            if not reply:
                raise ConnectionError("the server closed the connection before replying")
            replies.append(reply.decode().removesuffix("\n"))
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
