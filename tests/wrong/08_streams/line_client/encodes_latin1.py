"""Wrong: encodes each line as Latin-1 (`line.encode("latin-1", "replace")`): non-ASCII text reaches the server garbled, and its echo does not decode as UTF-8."""

import asyncio

EXPECT = "the lines were not encoded as UTF-8"


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send each line to host:port, read one reply line per line; return the replies."""
    reader, writer = await asyncio.open_connection(host, port)
    replies: list[str] = []
    try:
        for line in lines:
            writer.write(line.encode("latin-1", "replace") + b"\n")
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
