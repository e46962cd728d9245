"""Correct in another style: a socket bound by hand and passed as start_server(sock=...); the
handler reads chunks with read() and cuts them at each newline itself.
"""

import asyncio
import contextlib
import socket


async def _serve(reader, writer):
    buf = b""
    try:
        while True:
            chunk = await reader.read(4096)
            if not chunk:
                if buf:
                    writer.write(buf.decode().upper().encode())
                    await writer.drain()
                break
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                writer.write(line.decode().upper().encode() + b"\n")
                await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def start_upper_server(host, port):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.setblocking(False)
    return await asyncio.start_server(_serve, sock=sock)
