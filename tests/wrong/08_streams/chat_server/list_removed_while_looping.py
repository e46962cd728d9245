"""Wrong: the broadcast removes a stalled client from the list it loops over: the next client misses that line."""

import asyncio
import contextlib

EXPECT = "the broadcast skipped it once"


class ChatServer:
    """A line-based chat room on TCP."""

    MAX_BACKLOG = 1 << 20

    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self._clients: list[asyncio.StreamWriter] = []

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        self._server = await asyncio.start_server(self._handle, host, port)
        return self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Serve one client: broadcast each of its lines until it leaves."""
        self._clients.append(writer)
        try:
            while line := await reader.readline():
                if not line.endswith(b"\n"):
                    break
                self._broadcast(line, sender=writer)
        except (ConnectionError, ValueError):
            pass
        finally:
            if writer in self._clients:
                self._clients.remove(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _broadcast(self, line: bytes, sender: asyncio.StreamWriter) -> None:
        """Queue ``line`` for every other client without waiting for any of them."""
        for client in self._clients:
            if client is sender:
                continue
            if client.transport.get_write_buffer_size() > self.MAX_BACKLOG:
                self._clients.remove(client)
                client.transport.abort()
                continue
            client.write(line)

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        if self._server is None:
            return
        self._server.close()
        for client in self._clients:
            client.transport.abort()
        self._clients.clear()
        await self._server.wait_closed()
