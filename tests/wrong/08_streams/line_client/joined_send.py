"""Wrong: sends all lines joined, plus one newline: an empty list still sends an empty line."""

import asyncio

EXPECT = "no line at all for an empty list"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        # send every request in one go, then read one reply per request
        writer.write(("\n".join(lines) + "\n").encode())
        await writer.drain()
        replies = []
        for _ in lines:
            reply = await reader.readline()
            replies.append(reply.decode().removesuffix("\n"))
        return replies
    finally:
        writer.close()
        await writer.wait_closed()
