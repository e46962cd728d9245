"""Wrong: rstrip() on each reply eats trailing spaces and tabs, not only the newline."""

import asyncio

EXPECT = "remove only the trailing newline"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            replies.append((await reader.readline()).decode().rstrip())
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
