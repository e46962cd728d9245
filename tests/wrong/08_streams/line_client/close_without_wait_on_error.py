"""Wrong: when the server hangs up early, calls writer.close() and raises at once, without
`await writer.wait_closed()`: the connection is still open when the error reaches the caller."""

import asyncio

EXPECT = "after calling writer.close(), but before the connection was closed"


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    reader, writer = await asyncio.open_connection(host, port)
    replies: list[str] = []
    for line in lines:
        writer.write(line.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        if not reply:
            writer.close()  # closing takes a moment: nobody waits for it here
            raise ConnectionError("the server closed the connection before replying")
        replies.append(reply.decode().removesuffix("\n"))
    writer.close()
    await writer.wait_closed()
    return replies
