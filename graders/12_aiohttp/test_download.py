"""Grader for 12_aiohttp/download: stream a body to disk; remove a partial file on error.

Checks on a real aiohttp TestServer on 127.0.0.1 (real clock): a 4 MiB body arrives intact
and the byte count is returned; the file grows while the body is still arriving (the server
pauses after 3 MiB until something is on disk), so reading the whole body first is caught; a
connection dropped half way raises aiohttp.ClientPayloadError and leaves no file, and so does
a read timeout half way; a 404, 500 or 503 raises before any file is created, and leaves a
file already at `path` untouched; a 203 or 204 is a success. A file already at `path` is
there in the 200 and error-status checks (it must be replaced whole, or kept), and in the
check of an empty 200 body (it becomes an empty file).

Docstring sentence -> the check that enforces it:
- GET `url` with the `session` you are given, and leave it open
  -> test_the_session_is_left_open
- raise on an error status (before creating any file) -> test_error_status_creates_no_file
  (404, 500, 503: aiohttp.ClientResponseError, as raise_for_status raises; a file already
  at `path` survives it: neither emptied by an open() before the status check, nor unlinked
  by error handling around the whole request); only an error status: a 203 or 204 is a success
  -> test_any_success_status_is_a_download
- write the body to `path` chunk by chunk as it arrives, return the number of bytes
  -> test_streams_the_body_to_disk (the server pauses until the file has grown; the body
  is read inside the response's block, not after it), test_a_body_without_content_length
  (bytes written, not the Content-Length header)
- never hold the whole body in memory -> test_streams_the_body_to_disk (the tempfile
  module's files are made in path's folder during every download: a temporary file moved
  to path at the end is seen growing, and seen left behind, like any)
- an older file there is replaced -> test_streams_the_body_to_disk (a shorter one),
  test_a_longer_older_file_is_replaced (no tail of a longer one is left),
  test_an_empty_body_replaces_the_older_file (an empty body: an empty file, not the old one)
- the stream breaks: remove the partial file and let the error propagate
  -> test_broken_stream_leaves_no_file, test_a_read_timeout_leaves_no_file (never leave half
  a file behind: a read timeout half way is an interruption too),
  test_a_total_timeout_leaves_no_file (the session's total timeout: a plain TimeoutError, no
  aiohttp.ClientError, so a list of aiohttp's errors and CancelledError misses it)
  and test_a_broken_chunked_stream_leaves_no_file (no Content-Length to compare with: the
  error itself says the file is partial),
  test_a_stream_broken_before_its_first_byte_leaves_no_file (an empty file is partial too)
- (the session you are given) -> test_uses_the_session_given (no ClientSession of its own)
- the same if the download is cancelled half way: remove the partial file, let the
  CancelledError out -> test_a_cancelled_download_leaves_no_file
- read `resp.content.iter_chunked(...)` -> test_a_body_without_newlines (iterating the
  content line by line fails on binary data without line breaks)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import kit
import pytest
from aiohttp import web
from kit import http_doubles
from kit.http_doubles import serve

MIB = 1 << 20
BODY = random.Random(7).randbytes(4 * MIB)
PAUSE_AT = 3 * MIB  # the server waits here until the file has grown
GRACE = 5.0  # real seconds the server waits for the file to grow
SMALL = 300 * 1024  # the chunked answer's size
NO_NEWLINE = BODY[:MIB].replace(b"\n", b"\0")  # binary data need not hold a single b"\n"


def _on_disk(folder: Path) -> int:
    """Bytes in every file of ``folder`` (a download may go to a temporary name first)."""
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def _names(folder: Path) -> list[str]:
    """The names of what is in ``folder``."""
    return sorted(p.name for p in folder.iterdir())


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

    async def broken_at_once(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        resp.content_length = len(BODY)
        await resp.prepare(request)  # the headers, then no byte of the body
        await asyncio.sleep(0.05)
        if request.transport is not None:
            request.transport.close()  # the connection drops before the first byte
        return resp

    async def missing(request: web.Request) -> web.Response:
        status = int(request.match_info["status"])
        return web.Response(status=status, text=f"error page {status}")

    async def success(request: web.Request) -> web.Response:
        status = int(request.match_info["status"])
        return web.Response(status=status, body=b"" if status == 204 else BODY[:SMALL])

    async def empty(request: web.Request) -> web.Response:
        return web.Response(body=b"")  # a 200 whose body is empty

    async def chunked(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()  # no Content-Length: chunked transfer encoding
        resp.content_type = "application/octet-stream"
        await resp.prepare(request)
        for start in range(0, SMALL, 32 * 1024):
            await resp.write(BODY[start : min(start + 32 * 1024, SMALL)])
        await resp.write_eof()
        return resp

    async def chunked_broken(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()  # no Content-Length: chunked transfer encoding
        resp.content_type = "application/octet-stream"
        await resp.prepare(request)
        for start in range(0, MIB, 64 * 1024):
            await resp.write(BODY[start : start + 64 * 1024])
        await asyncio.sleep(0.05)
        if request.transport is not None:
            request.transport.close()  # the connection drops after 1 MiB, length unknown
        return resp

    async def stalls(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        resp.content_length = len(BODY)
        await resp.prepare(request)
        await resp.write(BODY[:MIB])
        await asyncio.Event().wait()  # the rest never comes: the client gives up first
        return resp

    async def no_newline(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        resp.content_length = len(NO_NEWLINE)
        resp.content_type = "application/octet-stream"
        await resp.prepare(request)
        for start in range(0, len(NO_NEWLINE), 64 * 1024):
            await resp.write(NO_NEWLINE[start : start + 64 * 1024])
        await resp.write_eof()
        return resp

    app = web.Application()
    app.router.add_get("/file.bin", whole)
    app.router.add_get("/stalls.bin", stalls)
    app.router.add_get("/no-newline.bin", no_newline)
    app.router.add_get("/broken.bin", broken)
    app.router.add_get("/broken-at-once.bin", broken_at_once)
    app.router.add_get("/chunked-broken.bin", chunked_broken)
    app.router.add_get("/error/{status}.bin", missing)
    app.router.add_get("/success/{status}.bin", success)
    app.router.add_get("/empty.bin", empty)
    app.router.add_get("/chunked.bin", chunked)
    return app


@contextlib.contextmanager
def _temporary_files_in(folder: Path) -> Iterator[None]:
    """Make the tempfile module's files in ``folder``: a download that streams into a
    temporary file (then moves it to path) is watched, and cleaned up after, like any."""
    saved = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = saved


def _download(download: Any, folder: Path, route: str, seen: dict[str, Any]) -> Any:
    """A call that serves the app, downloads ``route`` into ``folder/out.bin``, cleans up."""

    async def scenario() -> Any:
        async with serve(_app(folder, seen)) as server, aiohttp.ClientSession() as session:
            with _temporary_files_in(folder):
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
        raises=aiohttp.ClientConnectionError,
        what="download(session, url, path)",
    )
    if result.error is not None:
        kit.fail(
            f"download(session, url, path) raised {type(result.error).__name__}: "
            f"{result.error} (at {kata.where(result.error)})"
            + (
                ": it read the body after the `async with session.get(url) as resp:` block "
                "ended, which already released the connection. Write the chunks inside the "
                "block."
                if "closed" in str(result.error).lower()
                else "."
            )
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


@pytest.mark.parametrize("status", [404, 500, 503])
def test_error_status_creates_no_file(kata: kit.Kata, tmp_path: Path, status: int) -> None:
    """A 404 (or a 500, a 503) raises ClientResponseError before any file is created."""
    download = kata.get("download", "coroutine")
    precious = b"the file already at path before the download"
    (tmp_path / "out.bin").write_bytes(precious)
    # A second name for the same file, elsewhere: it shows whether the file was emptied
    # (opened with 'wb') or only unlinked from path.
    witness = tmp_path.parent / f"{tmp_path.name}-witness"
    witness.unlink(missing_ok=True)
    os.link(tmp_path / "out.bin", witness)
    result = kata.run(
        _download(download, tmp_path, f"/error/{status}.bin", {}),
        clock="real",
        limit=30,
        raises=Exception,
        what=f"download of a file the server answers {status} for",
    )
    error = result.error
    kit.expect(
        error is None or isinstance(error, aiohttp.ClientResponseError),
        f"the server answered {status} and download raised {type(error).__name__}: {error}; "
        f"expected aiohttp.ClientResponseError (with status {status}), what "
        "`resp.raise_for_status()` raises: callers catch that one and read its .status.",
    )
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError),
        f"the server answered {status} but download returned {result.value!r}: call "
        "`resp.raise_for_status()` first"
        + (
            ": a 5xx is an error status too (the server failed), not only a 4xx; its error "
            "page is not the file."
            if status >= 500
            else "."
        ),
    )
    target = tmp_path / "out.bin"
    kept = target.read_bytes() if target.is_file() else None
    untouched = witness.read_bytes() == precious
    witness.unlink()
    kit.expect(
        kept is not None or not untouched,
        f"the server answered {status}, and the file already at path was removed (unlinked, "
        "its content untouched): the `path.unlink()` of your error handling ran for an error "
        "status too. Remove the file only where writing it fails: the try/except that "
        "unlinks goes around the writing, after `resp.raise_for_status()`, not around the "
        "whole request.",
    )
    kit.expect(
        kept == precious,
        f"the server answered {status}, and the file already at path was "
        + ("removed" if kept is None else f"overwritten ({len(kept)} bytes now)")
        + ": check the status before opening the file (`resp.raise_for_status()` first); "
        "opening it with 'wb' empties it at once, even if the download then fails.",
    )
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "out.bin")
    kit.expect(
        not left,
        f"the server answered {status}, yet {', '.join(left)} was created: check the status "
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


def test_uses_the_session_given(kata: kit.Kata, tmp_path: Path) -> None:
    """download makes its request with the session passed in, and makes no session of its own."""
    download = kata.get("download", "coroutine")
    what = "download(session, url, path)"
    url = "http://files.example.com/small.bin"

    async def scenario() -> int:
        with http_doubles.mock_http() as mock:
            mock.get(url, body=BODY[:1000], content_type="application/octet-stream")
            async with (
                aiohttp.ClientSession() as session,
                http_doubles.count_sessions() as counted,
            ):
                await download(session, url, tmp_path / "small.bin")
            return len(counted.created)

    result = kata.run(scenario, what=what)
    kit.expect(
        result.value == 0,
        f"{what} created {result.value} new ClientSession(s): make the request with the "
        "session passed in. A session owns a pool of connections; the caller made one to "
        "share it.",
    )


def test_a_cancelled_download_leaves_no_file(kata: kit.Kata, tmp_path: Path) -> None:
    """Cancelled after 1 MiB of 4 has arrived: download lets CancelledError out, leaves no file."""
    download = kata.get("download", "coroutine")
    what = "a download cancelled half way (1 MiB of 4 MiB written)"

    async def scenario() -> tuple[bool, bool, list[str]]:
        async with serve(_app(tmp_path, {})) as server, aiohttp.ClientSession() as session:
            with _temporary_files_in(tmp_path):
                task = asyncio.ensure_future(
                    download(session, str(server.make_url("/stalls.bin")), tmp_path / "out.bin")
                )
                loop = asyncio.get_running_loop()
                deadline = loop.time() + GRACE
                while _on_disk(tmp_path) < MIB // 2 and loop.time() < deadline and not task.done():
                    await asyncio.sleep(0.01)
                started = _on_disk(tmp_path) >= MIB // 2
                task.cancel()
                cancelled = False
                try:
                    await task
                except asyncio.CancelledError:
                    cancelled = True
            return started, cancelled, _names(tmp_path)

    result = kata.run(scenario, clock="real", limit=30, what=what, raises=Exception)
    if result.error is not None:
        kit.fail(f"{what}: download raised {result.error!r} instead of CancelledError.")
    started, cancelled, left = result.value
    kit.expect(
        started,
        f"{what}: the file stayed under half a MiB for {GRACE:g} s while 1 MiB had been sent: "
        "write each chunk as it arrives.",
    )
    kit.expect(
        not left,
        f"{what}: {', '.join(left)} was left on disk. A cancellation is not an Exception "
        "(CancelledError is a BaseException): remove the partial file on any interruption "
        "(`except BaseException:` or try/finally), then re-raise.",
    )
    kit.expect(
        cancelled,
        f"{what}: download returned instead of raising CancelledError: after removing the "
        "partial file, re-raise (a bare `raise`), or the caller's cancellation is lost.",
    )


def test_a_body_without_newlines(kata: kit.Kata, tmp_path: Path) -> None:
    """A 1 MiB binary body holding no newline byte arrives intact."""
    download = kata.get("download", "coroutine")
    what = "download of a 1 MiB binary body without a single newline byte"
    result = kata.run(
        _download(download, tmp_path, "/no-newline.bin", {}),
        clock="real",
        limit=30,
        raises=Exception,
        what=what,
    )
    target = tmp_path / "out.bin"
    kit.expect(
        result.error is None and target.is_file() and target.read_bytes() == NO_NEWLINE,
        f"{what} "
        + (
            f"raised {type(result.error).__name__}"
            if result.error is not None
            else "did not land intact"
        )
        + ": did you iterate `resp.content` itself (or readline)? That reads line by line, "
        "and a binary file need not hold any line break: read fixed-size chunks with "
        "`resp.content.iter_chunked(64 * 1024)`.",
    )


def test_an_empty_body_replaces_the_older_file(kata: kit.Kata, tmp_path: Path) -> None:
    """A 200 with an empty body over an older file: the file is replaced by an empty one."""
    download = kata.get("download", "coroutine")
    old = b"an older version of the file"
    (tmp_path / "out.bin").write_bytes(old)
    what = "download of a 200 answer with an empty body over an older file"
    result = kata.run(
        _download(download, tmp_path, "/empty.bin", {}),
        clock="real",
        limit=30,
        raises=Exception,
        what=what,
    )
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)}); an empty body is a download of 0 bytes."
        )
    target = tmp_path / "out.bin"
    data = target.read_bytes() if target.is_file() else None
    kit.expect(
        data != old,
        f"{what} left the older file at path as it was ({len(old)} bytes): the body is "
        "empty, so no chunk ever came. Open the file with 'wb' before the loop over the "
        "chunks, not when the first chunk arrives: an older file is replaced, by an empty "
        "one if the body is empty.",
    )
    kit.expect(
        data == b"",
        f"{what} left "
        + ("no file at path" if data is None else f"{len(data)} bytes at path")
        + "; expected an empty file there (the body had 0 bytes).",
    )
    kit.expect_equal(result.value, 0, f"what {what} returned")


@pytest.mark.parametrize("status", [203, 204])
def test_any_success_status_is_a_download(kata: kit.Kata, tmp_path: Path, status: int) -> None:
    """A 203 (or a 204: no content) is no error status: its body lands at path."""
    download = kata.get("download", "coroutine")
    body = b"" if status == 204 else BODY[:SMALL]
    what = f"download of a {status} answer ({len(body)} bytes)"
    result = kata.run(
        _download(download, tmp_path, f"/success/{status}.bin", {}),
        clock="real",
        limit=30,
        raises=Exception,
        what=what,
    )
    if isinstance(result.error, aiohttp.ClientResponseError):
        kit.fail(
            f"{what} raised ClientResponseError: {result.error}; a {status} is a success, "
            "only an error status (4xx, 5xx) raises: let `resp.raise_for_status()` decide "
            "rather than comparing with 200."
        )
    if result.error is not None:
        kit.fail(
            f"{what} raised {type(result.error).__name__}: {result.error} (at "
            f"{kata.where(result.error)}); a {status} is a success: write its body."
        )
    target = tmp_path / "out.bin"
    kit.expect(
        target.is_file() and target.read_bytes() == body,
        f"{what} left "
        + (f"{target.stat().st_size} bytes at path" if target.is_file() else "no file at path")
        + f"; expected its {len(body)} bytes there.",
    )
    kit.expect_equal(result.value, len(body), f"what {what} returned")


def _a_timeout_leaves_no_file(
    kata: kit.Kata, tmp_path: Path, timeout: aiohttp.ClientTimeout, what: str, why: str
) -> None:
    """The session's ``timeout`` stops the stream after 1 MiB of 4: the TimeoutError
    propagates, and no partial file is left (``why``: the sentence for a file left)."""
    download = kata.get("download", "coroutine")

    async def scenario() -> Any:
        async with (
            serve(_app(tmp_path, {})) as server,
            aiohttp.ClientSession(timeout=timeout) as session,
        ):
            with _temporary_files_in(tmp_path):
                return await download(
                    session, str(server.make_url("/stalls.bin")), tmp_path / "out.bin"
                )

    result = kata.run(scenario, clock="real", limit=30, raises=Exception, what=what)
    left = _names(tmp_path)
    kit.expect(not left, why.format(left=", ".join(left)))
    kit.expect(
        isinstance(result.error, TimeoutError),
        f"{what}: download "
        + (
            f"returned {result.value!r}"
            if result.error is None
            else f"raised {type(result.error).__name__}: {result.error}"
        )
        + "; it should let aiohttp's TimeoutError out after removing the partial file.",
    )


def test_a_read_timeout_leaves_no_file(kata: kit.Kata, tmp_path: Path) -> None:
    """The session's read timeout stops the stream after 1 MiB of 4: the error propagates,
    and no partial file is left."""
    what = "a download stopped half way by the session's read timeout (sock_read=0.3 s)"
    _a_timeout_leaves_no_file(
        kata,
        tmp_path,
        aiohttp.ClientTimeout(sock_read=0.3),
        what,
        f"{what}: the server sent nothing after 1 MiB of 4, the read timeout fired, and "
        "{left} was left on disk. A timeout interrupts the stream too: remove the partial "
        "file on any interruption (`except BaseException:` or try/finally, not a list of the "
        "errors you thought of), then re-raise.",
    )


def _broken_stream(kata: kit.Kata, tmp_path: Path, route: str, what: str) -> kit.Run[Any]:
    """The learner's download of ``route``, whose connection the server drops, on the real
    clock; its error, if any, is the result's."""
    download = kata.get("download", "coroutine")
    return kata.run(
        _download(download, tmp_path, route, {}),
        clock="real",
        limit=30,
        raises=Exception,
        what=what,
    )


def _lets_the_payload_error_out(result: kit.Run[Any], what: str) -> None:
    """The broken stream's aiohttp.ClientPayloadError came out of download, as it was."""
    kit.expect(
        isinstance(result.error, aiohttp.ClientPayloadError),
        f"{what}: download "
        + (
            f"returned {result.value!r}"
            if result.error is None
            else f"raised {type(result.error).__name__}: {result.error}"
        )
        + "; it should let aiohttp.ClientPayloadError out after removing the partial file.",
    )


def test_a_broken_chunked_stream_leaves_no_file(kata: kit.Kata, tmp_path: Path) -> None:
    """A chunked answer (no Content-Length) whose connection drops after 1 MiB: the error
    propagates, and no partial file is left."""
    what = "a download of a chunked answer (no Content-Length) whose connection drops after 1 MiB"
    result = _broken_stream(kata, tmp_path, "/chunked-broken.bin", what)
    left = _names(tmp_path)
    kit.expect(
        not left,
        f"{what}: {', '.join(left)} was left on disk. The error itself says the file is "
        "partial: remove it whenever an error interrupts the stream, whether or not the "
        "answer gave a Content-Length to compare with.",
    )
    _lets_the_payload_error_out(result, what)


def test_a_total_timeout_leaves_no_file(kata: kit.Kata, tmp_path: Path) -> None:
    """The session's total timeout runs out after 1 MiB of 4: aiohttp raises a plain
    TimeoutError (no aiohttp.ClientError), which propagates, and no partial file is left."""
    what = "a download stopped half way by the session's total timeout (total=1 s)"
    _a_timeout_leaves_no_file(
        kata,
        tmp_path,
        aiohttp.ClientTimeout(total=1.0),
        what,
        f"{what}: the server sent nothing after 1 MiB of 4, the total timeout ran out, and "
        "{left} was left on disk. That timeout is a plain TimeoutError, not an "
        "aiohttp.ClientError: remove the partial file on any interruption (`except "
        "BaseException:` or try/finally, not a list of the errors you thought of), then "
        "re-raise.",
    )


def test_a_stream_broken_before_its_first_byte_leaves_no_file(
    kata: kit.Kata, tmp_path: Path
) -> None:
    """A 200 whose connection drops before the first byte of its 4 MiB body: the error
    propagates, and no file is left (not even an empty one)."""
    what = "a download whose connection drops after the headers, before the first byte"
    result = _broken_stream(kata, tmp_path, "/broken-at-once.bin", what)
    left = _names(tmp_path)
    kit.expect(
        not left,
        f"{what}: {', '.join(left)} was left on disk, {_on_disk(tmp_path)} bytes of 4 MiB. "
        "A file that holds none of the body is partial too (an empty file looks like an "
        "empty download): remove it whenever an error interrupts the stream, however little "
        "was written.",
    )
    _lets_the_payload_error_out(result, what)
