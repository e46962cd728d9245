"""Wrong: closes a departed client's connection but keeps it in the room, writing to it."""

import asyncio

EXPECT = "forget a client when it disconnects"


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
        except ConnectionError:
            pass
        finally:
            writer.transport.abort()

    async def stop(self):
        self.server.close()
        for writer in list(self.clients):
            writer.transport.abort()
        await self.server.wait_closed()
