"""Wrong: awaits wait_closed() before close(): it waits for a close that never starts."""

import asyncio

EXPECT = "writer.close() first"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            if not reply:
                raise ConnectionError("closed")
            replies.append(reply.decode().removesuffix("\n"))
    finally:
        await writer.wait_closed()
        writer.close()
    return replies
