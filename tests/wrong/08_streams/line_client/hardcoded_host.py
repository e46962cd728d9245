"""Wrong: connects to "127.0.0.1" whatever host it is given (copied from the example)."""

import asyncio

EXPECT = "no connection reached the server listening on 127.0.0.2"


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send each line to host:port, read one reply line per line; return the replies."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies: list[str] = []
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
