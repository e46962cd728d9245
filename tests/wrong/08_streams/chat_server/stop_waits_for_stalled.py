"""Wrong: stop() closes each client gracefully (close(), then wait_closed()): for a client that
never reads and has unsent data, close() waits to flush it first, so stop() never returns."""

import asyncio
import contextlib

EXPECT = "stop() did not return within 3 s while a connected client that never reads"


class ChatServer:
    MAX_BACKLOG = 1 << 20

    def __init__(self):
        self._server = None
        self._clients = set()

    async def start(self, host, port):
        self._server = await asyncio.start_server(self._handle, host, port)
        return self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader, writer):
        self._clients.add(writer)
        try:
            while line := await reader.readline():
                self._broadcast(line, sender=writer)
        except (ConnectionError, ValueError):
            pass
        finally:
            self._clients.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _broadcast(self, line, sender):
        for client in list(self._clients):
            if client is sender:
                continue
            if client.transport.get_write_buffer_size() > self.MAX_BACKLOG:
                self._clients.discard(client)
                client.transport.abort()
                continue
            client.write(line)

    async def stop(self):
        if self._server is None:
            return
        self._server.close()
        for client in list(self._clients):
            client.close()
            with contextlib.suppress(ConnectionError):
                await client.wait_closed()
        self._clients.clear()
        await self._server.wait_closed()
