"""Grader for 12_aiohttp/download: stream a body to disk; remove a partial file on error.

Checks on a real aiohttp TestServer on 127.0.0.1 (real clock): a 4 MiB body arrives intact
and the byte count is returned; the file grows while the body is still arriving (the server
pauses after 3 MiB until something is on disk), so reading the whole body first is caught; a
connection dropped half way raises aiohttp.ClientPayloadError and leaves no file; a 404
raises before any file is created, and leaves a file already at `path` untouched. A file
already at `path` is there in the 200 and 404 checks (it must be replaced whole, or kept).

Docstring sentence -> the check that enforces it:
- GET `url` with the `session` you are given, and leave it open
  -> test_the_session_is_left_open
- raise on an error status (before creating any file) -> test_error_status_creates_no_file
  (and a file already at `path` survives a 404)
- write the body to `path` chunk by chunk as it arrives, return the number of bytes
  -> test_streams_the_body_to_disk (the server pauses until the file has grown),
  test_a_body_without_content_length (bytes written, not the Content-Length header)
- never hold the whole body in memory -> test_streams_the_body_to_disk
- an older file there is replaced -> test_streams_the_body_to_disk (a shorter one),
  test_a_longer_older_file_is_replaced (no tail of a longer one is left)
- the stream breaks: remove the partial file and let the error propagate
  -> test_broken_stream_leaves_no_file
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

import aiohttp
import kit
from aiohttp import web
from kit import http_doubles
from kit.http_doubles import serve

MIB = 1 << 20
BODY = random.Random(7).randbytes(4 * MIB)
PAUSE_AT = 3 * MIB  # the server waits here until the file has grown
GRACE = 5.0  # real seconds the server waits for the file to grow
SMALL = 300 * 1024  # the chunked answer's size


def _on_disk(folder: Path) -> int:
    """Bytes in every file of ``folder`` (a download may go to a temporary name first)."""
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def _app(folder: Path, seen: dict[str, Any]) -> web.Application:
    async def whole(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        resp.content_length = len(BODY)
        resp.content_type = "application/octet-stream"
        await resp.prepare(request)
        for start in range(0, len(BODY), 64 * 1024):
            if start == PAUSE_AT:
                # Something must be on disk by now, unless the body is being held in memory.
                loop = asyncio.get_running_loop()
                deadline = loop.time() + GRACE
                before = seen.get("before", 0)  # a file already at path: not progress
                while _on_disk(folder) <= before and loop.time() < deadline:
                    await asyncio.sleep(0.01)
                seen["on_disk_at_pause"] = _on_disk(folder) - before
            await resp.write(BODY[start : start + 64 * 1024])
        await resp.write_eof()
        return resp

    async def broken(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        resp.content_length = len(BODY)
        await resp.prepare(request)
        await resp.write(BODY[:MIB])
        await asyncio.sleep(0.05)
        if request.transport is not None:
            request.transport.close()  # the connection drops after 1 MiB of 4
        return resp

    async def missing(request: web.Request) -> web.Response:
        return web.Response(status=404, text="no such file")

    async def chunked(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()  # no Content-Length: chunked transfer encoding
        resp.content_type = "application/octet-stream"
        await resp.prepare(request)
        for start in range(0, SMALL, 32 * 1024):
            await resp.write(BODY[start : min(start + 32 * 1024, SMALL)])
        await resp.write_eof()
        return resp

    app = web.Application()
    app.router.add_get("/file.bin", whole)
    app.router.add_get("/broken.bin", broken)
    app.router.add_get("/missing.bin", missing)
    app.router.add_get("/chunked.bin", chunked)
    return app


def _download(download: Any, folder: Path, route: str, seen: dict[str, Any]) -> Any:
    """A call that serves the app, downloads ``route`` into ``folder/out.bin``, cleans up."""

    async def scenario() -> Any:
        async with serve(_app(folder, seen)) as server, aiohttp.ClientSession() as session:
            return await download(session, str(server.make_url(route)), folder / "out.bin")

    return scenario


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """download is an async def."""
    kata.get("download", "coroutine")


def test_streams_the_body_to_disk(kata: kit.Kata, tmp_path: Path) -> None:
    """A 4 MiB body lands intact, its size is returned, and the file grows while it streams."""
    download = kata.get("download", "coroutine")
    old = b"an older version of the file"
    (tmp_path / "out.bin").write_bytes(old)
    seen: dict[str, Any] = {"before": len(old)}
    result = kata.run(
        _download(download, tmp_path, "/file.bin", seen),
        clock="real",
        limit=30,
        what="download(session, url, path)",
    )
    target = tmp_path / "out.bin"
    kit.expect(
        seen.get("on_disk_at_pause", 1) > 0,
        f"the file stayed empty while 3 MiB of the 4 MiB body had already arrived (the "
        f"server waited {GRACE:g} s): did you read the whole body (`await resp.read()`, or "
        "collecting the chunks in a list) before writing? Write each chunk from "
        "`resp.content.iter_chunked(...)` as it arrives.",
    )
    kit.expect(target.is_file(), f"download returned {result.value!r} but wrote no file at path.")
    data = target.read_bytes()
    kit.expect(
        data == BODY,
        f"the file holds {len(data)} bytes that differ from the {len(BODY)} sent"
        + (
            f" (the {len(old)} bytes of the file already at path come first)"
            if data.startswith(old)
            else ""
        )
        + ": open it with 'wb' (which replaces an older file) once and write every chunk, "
        "in order.",
    )
    kit.expect_equal(
        result.value,
        len(BODY),
        "the returned value",
        "Return the number of bytes written: add up len(chunk) for every chunk.",
    )


def test_broken_stream_leaves_no_file(kata: kit.Kata, tmp_path: Path) -> None:
    """A connection dropped after 1 MiB raises ClientPayloadError and leaves no file."""
    download = kata.get("download", "coroutine")
    result = kata.run(
        _download(download, tmp_path, "/broken.bin", {}),
        clock="real",
        limit=30,
        raises=aiohttp.ClientError,
        what="download of a stream that breaks half way",
    )
    left = sorted(p.name for p in tmp_path.iterdir())
    kit.expect(
        not left,
        f"the stream broke after 1 MiB of 4 MiB, and {', '.join(left)} was left on disk: "
        "remove the partial file when an error interrupts the download (try/except around "
        "the writing, `path.unlink(missing_ok=True)`, then `raise`).",
    )
    kit.expect(
        isinstance(result.error, aiohttp.ClientPayloadError),
        f"the stream broke half way but download returned {result.value!r} instead of "
        "raising: after removing the partial file, re-raise the error (a bare `raise`) so the "
        "caller knows the download failed.",
    )


def test_error_status_creates_no_file(kata: kit.Kata, tmp_path: Path) -> None:
    """A 404 raises ClientResponseError before any file is created."""
    download = kata.get("download", "coroutine")
    precious = b"the file already at path before the download"
    (tmp_path / "out.bin").write_bytes(precious)
    result = kata.run(
        _download(download, tmp_path, "/missing.bin", {}),
        clock="real",
        limit=30,
        raises=aiohttp.ClientError,
        what="download of a missing file",
    )
    kit.expect(
        isinstance(result.error, aiohttp.ClientResponseError),
        f"the server answered 404 but download returned {result.value!r}: call "
        "`resp.raise_for_status()` first.",
    )
    target = tmp_path / "out.bin"
    kept = target.read_bytes() if target.is_file() else None
    kit.expect(
        kept == precious,
        "the server answered 404, and the file already at path was "
        + ("removed" if kept is None else f"overwritten ({len(kept)} bytes now)")
        + ": check the status before opening the file (`resp.raise_for_status()` first); "
        "opening it with 'wb' empties it at once, even if the download then fails.",
    )
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "out.bin")
    kit.expect(
        not left,
        f"the server answered 404, yet {', '.join(left)} was created: check the status "
        "before opening the file.",
    )


# Checked last, so that an earlier check names a mistake it finds first.
def test_a_body_without_content_length(kata: kit.Kata, tmp_path: Path) -> None:
    """A chunked answer (no Content-Length header): the bytes written are counted and returned."""
    download = kata.get("download", "coroutine")
    result = kata.run(
        _download(download, tmp_path, "/chunked.bin", {}),
        clock="real",
        limit=30,
        what="download(session, url of a chunked answer, path)",
    )
    target = tmp_path / "out.bin"
    kit.expect(
        target.is_file() and target.read_bytes() == BODY[:SMALL],
        f"download of a chunked answer of {SMALL} bytes left "
        + (f"{target.stat().st_size} bytes at path" if target.is_file() else "no file")
        + "; expected the whole body.",
    )
    kit.expect_equal(
        result.value,
        SMALL,
        "what download returned for a chunked answer (it has no Content-Length header)",
        "Return the number of bytes written: add up len(chunk) for every chunk "
        "(resp.content_length is None when the server streams without one).",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_a_longer_older_file_is_replaced(kata: kit.Kata, tmp_path: Path) -> None:
    """An older file longer than the new body is replaced whole: none of its tail remains."""
    download = kata.get("download", "coroutine")
    old = bytes(SMALL + 100 * 1024)  # 400 KiB of zeros, longer than the 300 KiB answer
    (tmp_path / "out.bin").write_bytes(old)
    result = kata.run(
        _download(download, tmp_path, "/chunked.bin", {}),
        clock="real",
        limit=30,
        what="download(session, url, path) over a longer older file",
    )
    target = tmp_path / "out.bin"
    data = target.read_bytes() if target.is_file() else b""
    kit.expect(
        not (data.startswith(BODY[:SMALL]) and data[SMALL:] == old[SMALL:]),
        f"after downloading a {SMALL}-byte answer over an older {len(old)}-byte file, the "
        f"file holds {len(data)} bytes: the new body, then the last {len(old) - SMALL} bytes "
        "of the older file. Open the file with 'wb', which empties it first (an older file "
        "is replaced, not overwritten in place).",
    )
    kit.expect(
        data == BODY[:SMALL],
        f"after downloading a {SMALL}-byte answer over an older {len(old)}-byte file, the "
        f"file holds {len(data)} bytes; expected exactly the new body (download returned "
        f"{result.value!r}).",
    )


def test_the_session_is_left_open(kata: kit.Kata, tmp_path: Path) -> None:
    """After a download, the session passed in is still open (it is the caller's)."""
    download = kata.get("download", "coroutine")
    what = "download(session, url, path)"
    url = "http://files.example.com/small.bin"

    async def scenario() -> None:
        with http_doubles.mock_http() as mock:
            mock.get(url, body=BODY[:1000], content_type="application/octet-stream")
            async with aiohttp.ClientSession() as session:
                await download(session, url, tmp_path / "small.bin")
                http_doubles.expect_left_open(session, what)

    kata.run(scenario, what=what, raises=Exception)  # an error: the checks above name it
