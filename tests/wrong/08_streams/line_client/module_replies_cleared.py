"""Wrong: the replies list lives at module level and is cleared at the start of each call:
two calls at once append to the same list, and each returns both calls' replies."""

import asyncio

EXPECT = "each call returns its own replies"

replies = []


async def request_lines(host, port, lines):
    replies.clear()
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
