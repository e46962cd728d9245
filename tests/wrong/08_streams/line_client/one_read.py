"""Wrong: takes one read() as one reply line; replies arrive in pieces, so it gets fragments."""

import asyncio

EXPECT = "whatever bytes have arrived"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        data = await reader.read(1024)
        replies.append(data.decode().strip())
    writer.close()
    await writer.wait_closed()
    return replies
