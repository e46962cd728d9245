"""Correct in another style: readuntil(b"\n"); its IncompleteReadError reports a hang-up."""

import asyncio


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        replies = []
        for line in lines:
            writer.write(f"{line}\n".encode())
            await writer.drain()
            replies.append((await reader.readuntil(b"\n"))[:-1].decode())
        return replies
    finally:
        writer.close()
        await writer.wait_closed()
