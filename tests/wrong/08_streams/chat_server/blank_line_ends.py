"""Wrong: a blank line (b"\\n") is taken for the end of the conversation: the handler stops
reading and drops the client, and the blank line is never relayed."""

import asyncio
import contextlib

EXPECT = "is a line too, relay it and keep reading"


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
                if not line.strip():
                    break
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
            client.transport.abort()
        self._clients.clear()
        await self._server.wait_closed()
