"""Wrong: blank reply lines (b"\\n", or only spaces and tabs) are skipped, so the replies to
those lines are missing from the result."""

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
            continue
        replies.append(reply.decode().removesuffix("\n"))
    writer.close()
    await writer.wait_closed()
    return replies
