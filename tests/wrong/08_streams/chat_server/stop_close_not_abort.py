"""Wrong: stop() ends each client with writer.close() (no abort): close() first flushes the
unsent data, so a client that never reads keeps its connection open after stop() returned."""

import asyncio
import contextlib

# Python 3.13's Server.wait_closed() waits for every connection, so there stop() hangs
# and the earlier sentence (same fix) is the first failure.
EXPECT = "in stop(), end each client connection with writer.transport.abort()"


class ChatServer:
    """A line-based chat room on TCP."""

    MAX_BACKLOG = 1 << 20

    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self._clients: set[asyncio.StreamWriter] = set()

    async def start(self, host: str, port: int) -> int:
        self._server = await asyncio.start_server(self._handle, host, port)
        return self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._clients.add(writer)
        try:
            while line := await reader.readline():
                if not line.endswith(b"\n"):
                    break
                self._broadcast(line, sender=writer)
        except (ConnectionError, ValueError):
            pass
        finally:
            self._clients.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _broadcast(self, line: bytes, sender: asyncio.StreamWriter) -> None:
        for client in list(self._clients):
            if client is sender:
                continue
            if client.transport.get_write_buffer_size() > self.MAX_BACKLOG:
                self._clients.discard(client)
                client.transport.abort()
                continue
            client.write(line)

    async def stop(self) -> None:
        if self._server is None:
            return
        self._server.close()
        # close() every client; each handler then awaits wait_closed() in its finally
        # (awaiting it here could hang on a client that never reads).
        for client in list(self._clients):
            client.close()
        await self._server.wait_closed()
