"""Wrong: a blank reply line (b"\\n", or only spaces and tabs) is taken for the end: the loop
stops there, and the replies from then on are missing."""

import asyncio

EXPECT = "a blank reply is a reply too"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        if not reply.strip():
            break
        replies.append(reply.decode().removesuffix("\n"))
    writer.close()
    await writer.wait_closed()
    return replies
