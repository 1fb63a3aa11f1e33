"""Misbehaving HTTP servers for fetcher tests: raw asyncio sockets on loopback, each in its own thread.

pytest-httpserver covers well-behaved responses; these cover what it cannot send: a slow drip, a silent
accept, a lying Content-Length, an endless chunked stream, a reset mid-body, a gzip bomb. Each handler is a
coroutine `handler(server, reader, writer)` that runs after the request head has been read and recorded.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import zlib
from collections.abc import Awaitable, Callable

Handler = Callable[["RawServer", asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class RawServer:
    def __init__(self, handler: Handler, host: str = "127.0.0.1", port: int = 0) -> None:
        self.handler = handler
        self.host = host
        self.port = port
        self.requests: list[bytes] = []  # request heads, in order of arrival
        self.bytes_sent = 0
        self.client_went_away = threading.Event()  # the client closed or reset while we were still sending
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: asyncio.base_events.Server | None = None

    @property
    def hits(self) -> int:
        return len(self.requests)

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> RawServer:
        self._thread.start()
        if not self._ready.wait(5):
            raise RuntimeError("raw server did not start")
        return self

    def stop(self) -> None:
        if not self._thread.is_alive():
            return

        async def shutdown() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, self.host, self.port))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            self.requests.append(head)
            await self.handler(self, reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            self.client_went_away.set()
        except asyncio.CancelledError:
            pass
        finally:
            if not writer.is_closing():
                writer.close()

    async def send(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        writer.write(data)
        await writer.drain()
        self.bytes_sent += len(data)


def head(status: str = "200 OK", **headers: str | int) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


# Handlers. Each is a factory so that tests can tune it.


def slow_drip(interval: float = 0.5, length: int = 1000) -> Handler:
    """Headers at once, then one byte of body every `interval`: no single read ever times out."""

    async def handler(server: RawServer, reader, writer) -> None:
        await server.send(writer, head(Content_Type="text/html", Content_Length=length))
        for _ in range(length):
            await asyncio.sleep(interval)
            await server.send(writer, b"a")

    return handler


def slow_headers(interval: float = 0.5) -> Handler:
    """The status line and headers, one byte every `interval`: the response never even starts."""

    async def handler(server: RawServer, reader, writer) -> None:
        for byte in head(Content_Length=5) + b"hello" * 100:
            await server.send(writer, bytes([byte]))
            await asyncio.sleep(interval)

    return handler


def silence() -> Handler:
    """Accept the connection, read the request, never answer (until the client gives up)."""

    async def handler(server: RawServer, reader, writer) -> None:
        await reader.read()  # returns when the client closes
        server.client_went_away.set()

    return handler


def truncated(declared: int = 1000, sent: int = 300) -> Handler:
    """A Content-Length that lies: `declared` promised, `sent` delivered, then a clean close."""

    async def handler(server: RawServer, reader, writer) -> None:
        await server.send(writer, head(Content_Type="text/html", Content_Length=declared) + b"x" * sent)

    return handler


def endless_chunked(chunk: int = 64 * 1024) -> Handler:
    """Chunked transfer with no end and no length."""

    async def handler(server: RawServer, reader, writer) -> None:
        await server.send(writer, head(Content_Type="text/plain", Transfer_Encoding="chunked"))
        payload = b"%x\r\n" % chunk + b"a" * chunk + b"\r\n"
        while True:
            await server.send(writer, payload)

    return handler


def huge_declared(length: int = 50 * 1024 * 1024) -> Handler:
    """Declares `length` bytes and starts sending them; a fetcher should hang up after the headers."""

    async def handler(server: RawServer, reader, writer) -> None:
        await server.send(writer, head(Content_Type="application/rss+xml", Content_Length=length))
        block = b"<" * (64 * 1024)
        for _ in range(length // len(block)):
            await server.send(writer, block)

    return handler


def reset_mid_body(declared: int = 100_000, sent: int = 1000) -> Handler:
    """Part of the body, then a TCP RST (SO_LINGER 0) instead of a close."""

    async def handler(server: RawServer, reader, writer) -> None:
        await server.send(writer, head(Content_Type="text/html", Content_Length=declared) + b"x" * sent)
        await asyncio.sleep(0.2)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    return handler


def gzip_bomb(expanded: int = 10 * 1024**3) -> Handler:
    """`Content-Encoding: gzip` of `expanded` zero bytes (10 GiB by default: about 10 MiB on the wire).

    Generated on the fly: after a full flush zlib's state is reset, so one compressed MiB of zeros can be
    repeated as many times as needed. No Content-Length, so only the decoded-size cap can stop the client.
    """
    mib = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)

    async def handler(server: RawServer, reader, writer) -> None:
        response = head(Content_Type="application/rss+xml", Content_Encoding="gzip", Connection="close")
        await server.send(writer, response + first)
        for _ in range(expanded // len(mib) - 1):
            await server.send(writer, block)

    return handler
