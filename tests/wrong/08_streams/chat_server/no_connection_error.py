"""Wrong: the handler does not expect a client to vanish: a reset escapes as an error."""

import asyncio

EXPECT = "catch ConnectionError"


class ChatServer:
    def __init__(self):
        self.clients = set()
        self.server = None

    async def start(self, host, port):
        self.server = await asyncio.start_server(self.handle, host, port)
        return self.server.sockets[0].getsockname()[1]

    async def handle(self, reader, writer):
        self.clients.add(writer)
        try:
            while line := await reader.readline():
                for other in list(self.clients):
                    if other is writer:
                        continue
                    if other.transport.get_write_buffer_size() > 1 << 20:
                        self.clients.discard(other)
                        other.transport.abort()
                    else:
                        other.write(line)
        finally:
            self.clients.discard(writer)
            writer.transport.abort()

    async def stop(self):
        self.server.close()
        for writer in list(self.clients):
            writer.transport.abort()
        await self.server.wait_closed()
