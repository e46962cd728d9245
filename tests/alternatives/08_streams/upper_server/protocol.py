"""Correct in another style: a Protocol class with loop.create_server, buffering partial lines;
flow control pauses reading while the client does not read the replies."""

import asyncio


class UpperProtocol(asyncio.Protocol):
    """Collects bytes until a newline, answers each whole line, closes on EOF."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            self.transport.write(line.decode().upper().encode() + b"\n")

    def pause_writing(self) -> None:
        # The replies pile up (the client does not read them): stop reading its requests.
        self.transport.pause_reading()

    def resume_writing(self) -> None:
        self.transport.resume_reading()

    def eof_received(self) -> bool:
        if self.buffer:  # a last line without a newline
            self.transport.write(self.buffer.decode().upper().encode())
        self.transport.close()
        return False


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    """Start a server that sends back every line uppercased; return it while it listens."""
    loop = asyncio.get_running_loop()
    return await loop.create_server(UpperProtocol, host, port)
