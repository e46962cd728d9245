"""Line client: ask a line server several questions over one connection (reference solution)."""

import asyncio


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send each line to host:port, read one reply line per line; return the replies."""
    reader, writer = await asyncio.open_connection(host, port)
    replies: list[str] = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            # readline() collects the pieces until the newline: one whole reply.
            reply = await reader.readline()
            if not reply:
                raise ConnectionError("the server closed the connection before replying")
            replies.append(reply.decode().removesuffix("\n"))
    finally:
        # close() starts closing; wait_closed() returns once the socket is really closed.
        writer.close()
        await writer.wait_closed()
    return replies
