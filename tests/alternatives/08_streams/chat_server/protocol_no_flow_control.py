"""Correct in another style: an asyncio.Protocol per client (no StreamReader, so no flow
control on the sender); writes without waiting, aborts a client over 1 MiB unsent."""

import asyncio

LIMIT = 1 << 20


class _Client(asyncio.Protocol):
    """One connection: splits what arrives into lines and hands them to the room."""

    def __init__(self, room: "ChatServer") -> None:
        self.room = room
        self.buf = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.room.clients.add(self)

    def data_received(self, data: bytes) -> None:
        self.buf += data
        *lines, self.buf = self.buf.split(b"\n")
        for line in lines:
            self.room.broadcast(self, line + b"\n")

    def eof_received(self) -> bool:
        self.buf = b""  # a last piece without a newline is not a line: dropped
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.room.clients.discard(self)


class ChatServer:
    """A line-based chat room on TCP."""

    def __init__(self) -> None:
        self.clients: set[_Client] = set()
        self.server: asyncio.Server | None = None

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(lambda: _Client(self), host, port)
        return self.server.sockets[0].getsockname()[1]

    def broadcast(self, sender: _Client, data: bytes) -> None:
        """Write to every other client without waiting; abort one far behind."""
        for c in list(self.clients):
            if c is sender or c.transport is None or c.transport.is_closing():
                continue
            c.transport.write(data)
            if c.transport.get_write_buffer_size() > LIMIT:
                self.clients.discard(c)
                c.transport.abort()

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        assert self.server is not None
        self.server.close()
        for c in list(self.clients):
            if c.transport is not None:
                c.transport.abort()
        self.clients.clear()
        await self.server.wait_closed()
