"""Correct in another style: its own buffer of bytes filled by read(), cut at each newline."""

import asyncio


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    reader, writer = await asyncio.open_connection(host, port)
    replies: list[str] = []
    buffer = b""
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            while b"\n" not in buffer:
                piece = await reader.read(1024)
                if not piece:
                    raise ConnectionError("the server closed the connection")
                buffer += piece
            reply, buffer = buffer.split(b"\n", 1)
            replies.append(reply.decode())
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
