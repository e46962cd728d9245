"""Correct in another style: start_server with a 16 MiB StreamReader limit (long lines
welcome, so the sender is read at full speed); writes without waiting, aborts a client
over 1 MiB unsent."""

import asyncio

MAX_BUFFER = 1024 * 1024


class ChatServer:
    """A line-based chat room on TCP."""

    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        self._server = await asyncio.start_server(self._serve, host, port, limit=16 << 20)
        return self._server.sockets[0].getsockname()[1]

    def _broadcast(self, sender: asyncio.StreamWriter, line: bytes) -> None:
        for w in list(self._writers):
            if w is sender:
                continue
            if w.is_closing():
                self._writers.discard(w)
                continue
            w.write(line)
            if w.transport.get_write_buffer_size() > MAX_BUFFER:
                self._writers.discard(w)
                w.transport.abort()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            async for line in reader:
                if not line.endswith(b"\n"):
                    line += b"\n"
                self._broadcast(writer, line)
        except (ConnectionError, ValueError):
            pass
        finally:
            self._writers.discard(writer)
            writer.transport.abort()

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        assert self._server is not None
        self._server.close()
        for w in list(self._writers):
            w.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()
