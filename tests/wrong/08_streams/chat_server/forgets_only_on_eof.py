"""Wrong: a client is removed from the room only when it leaves with EOF; a client that
vanishes (ConnectionError) stays in the set, and every later line is written to its dead
connection."""

import asyncio
import contextlib

EXPECT = "a ConnectionError is a disconnect too. Forget the client"


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
            self._clients.discard(writer)  # the client said goodbye: forget it
        except ConnectionError:
            pass
        finally:
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
        for client in list(self._clients):
            client.transport.abort()
        self._clients.clear()
        await self._server.wait_closed()
