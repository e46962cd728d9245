"""Grader for 08_streams/line_client: one connection, whole reply lines, a clean close.

The grader runs its own line server on 127.0.0.1 (real clock). It answers each line with
"you said: <line>", sent in several pieces with short pauses, so a client that takes one
read() for one line gets part of it. It checks the replies, that one connection carried all
of them, and that the connection was completely closed when request_lines returned.

Docstring sentence -> the check that enforces it:
- opens ONE connection -> grade (every test; "connections; expected 1")
- sends each string followed by a newline, reads the one-line reply -> grade (every test:
  the server receives exactly those lines), test_one_line, test_several_lines_in_order,
  test_a_long_line
- returns the replies, in order, as strings without their trailing newline (nothing else
  stripped) -> test_several_lines_in_order, test_text_is_kept_exactly (spaces, tabs,
  non-ASCII, "", a trailing "\r"), test_blank_replies_are_replies (an echo server's blank
  reply lines are replies too, neither the end nor skipped)
- closes the connection completely: close() then `await wait_closed()` -> grade (every test;
  a wait_closed() awaited before close() is named only when the spy saw it)
- (no lines) -> test_no_lines (no reply, and nothing sent)
- "for each string in `lines` sends it" (a repeated string too: asked again, not answered
  from the first reply) -> test_a_repeated_line_is_sent_again
- the server closes before answering every line: raise ConnectionError, close all the same
  -> test_the_server_hangs_up_early (IncompleteReadError from readuntil() is accepted too;
  another EOFError is not a ConnectionError and is named; a close() not waited for on that
  way out is named as such)
- "without their trailing newline (nothing else stripped)" -> test_a_last_reply_without_newline
  (a last reply without a newline before the server closes: returned whole, or raised as
  ConnectionError / IncompleteReadError, never cut by one character: `reply[:-1]`)
- `asyncio.open_connection(host, port)` -> test_the_host_it_is_given (a server on
  127.0.0.2 only: no address written in the code)
- a reply may arrive in several pieces; text is UTF-8 -> test_a_character_split_between_pieces
  (a piece ends inside a 3-byte character: decode whole lines, not pieces); text is UTF-8
  both ways -> test_text_is_kept_exactly (lines sent in another encoding are named as such
  when their echo does not decode, not blamed on decoding pieces)
- "returns the replies" (this call's replies only: a second call on the same module returns
  its own, not the first call's too) -> test_each_call_returns_its_own_replies; two calls at
  once each return their own replies -> test_two_calls_at_once
"""

import asyncio

import kit
import pytest
from kit import streams

HANG = (
    "Does each line you send end with a newline (the server answers whole lines only), and do "
    "you read each reply with `await reader.readline()`?"
)


STUCK = 4.0  # real seconds request_lines may take (it needs well under 0.1 s)


class Server:
    """A line server that answers 'you said: <line>' (or, with ``echo``, the line itself) in
    three pieces, pausing between them."""

    def __init__(
        self, echo: bool = False, quit_after: int | None = None, bare_last: bool = False
    ) -> None:
        self.echo = echo
        self.quit_after = quit_after  # close the connection after answering that many lines
        self.bare_last = bare_last  # answer the last line without a newline, then close
        self.connections = 0
        self.received: list[bytes] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Answer each line in pieces until the client closes."""
        self.connections += 1
        try:
            while line := await reader.readline():
                if len(self.received) == self.quit_after:
                    break  # hang up without answering this line
                self.received.append(line)
                reply = line if self.echo else b"you said: " + line.rstrip(b"\n") + b"\n"
                bare = self.bare_last and len(self.received) == self.quit_after
                if bare:
                    reply = reply.removesuffix(b"\n")
                third = max(1, len(reply) // 3)
                for piece in (reply[:third], reply[third : 2 * third], reply[2 * third :]):
                    writer.write(piece)
                    await writer.drain()
                    await asyncio.sleep(0.05)  # the piece arrives alone
                if bare:
                    break  # the last reply had no newline: hang up right after it
        except ConnectionError:
            pass
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except ConnectionError:
                pass


def mismatch(what: str, replies: object, want: list[str]) -> str:
    """The sentence for wrong replies: partial lines point at read(), the rest at the format."""
    shown = repr(replies) if len(repr(replies)) < 200 else repr(replies)[:200] + "..."
    expected = repr(want) if len(repr(want)) < 200 else repr(want)[:200] + "..."
    stripped = isinstance(replies, list) and any(
        isinstance(r, str) and r != w and r == w.rstrip()
        for r, w in zip(replies, want, strict=False)
    )
    pairs = list(zip(replies, want, strict=False)) if isinstance(replies, list) else []
    carriage_return_only = (
        isinstance(replies, list)
        and len(replies) == len(want)
        and any(r != w for r, w in pairs)
        and all(r == w or (w.endswith("\r") and r == w[:-1]) for r, w in pairs)
    )
    if carriage_return_only:
        return (
            f"{what} returned {shown}; expected {expected}: remove only the trailing newline "
            "(`reply.decode().removesuffix('\\n')`); carriage returns (\\r) that end a "
            "reply are part of it, and rstrip('\\r\\n') or splitlines() drop them."
        )
    if stripped:
        return (
            f"{what} returned {shown}; expected {expected}: remove only the trailing newline "
            "(`reply.decode().removesuffix('\\n')`); strip() and rstrip() also eat the "
            "spaces, tabs and carriage returns (\\r) that are part of the reply."
        )
    partial = isinstance(replies, list) and any(
        isinstance(r, str | bytes) and r != w and w.startswith(str(r).rstrip("\n"))
        for r, w in zip(replies, want, strict=False)
    )
    if partial:
        return (
            f"{what} returned {shown}; expected {expected}: one read() returns whatever bytes "
            "have arrived so far (the server sends each reply in pieces), not a line. Read "
            "each reply with `await reader.readline()` and drop its newline."
        )
    # Replies missing exactly where the server answered with a blank line: cut off there, or
    # every blank reply skipped.
    blank_lost = (
        isinstance(replies, list)
        and len(replies) < len(want)
        and (
            replies == [w for w in want if w.strip()]
            or (replies == want[: len(replies)] and not want[len(replies)].strip())
        )
    )
    if blank_lost:
        return (
            f"{what} returned {shown}; expected {expected}: the server answered some lines "
            "with a blank line (only a newline, or spaces and tabs) and those replies are "
            "missing: a blank reply is a reply too; only b'' from readline() means the "
            "server closed."
        )
    return (
        f"{what} returned {shown}; expected {expected}: one reply per line, in order, each a "
        "str without its trailing newline (text is UTF-8 both ways)."
    )


def grade(kata: kit.Kata, lines: list[str], echo: bool = False) -> None:
    """Run request_lines against the grader's server (an echo server with ``echo``) and judge
    replies and closing."""
    request_lines = kata.get("request_lines", "coroutine")
    what = f"request_lines(host, port, {lines!r})" if len(repr(lines)) < 60 else "request_lines"
    want = list(lines) if echo else [f"you said: {line}" for line in lines]

    async def scenario() -> str:
        server = Server(echo)
        listener = await asyncio.start_server(server.handle, streams.HOST, 0)
        port = streams.port_of(listener)
        unclosed_waits: list[asyncio.StreamWriter] = []  # wait_closed() before any close()
        wait_closed = asyncio.StreamWriter.wait_closed

        async def spy_wait_closed(self: asyncio.StreamWriter) -> None:
            peer = self.get_extra_info("peername") or ("", None)
            if peer[1] == port and not self.transport.is_closing():  # the client's own writer
                unclosed_waits.append(self)
            await wait_closed(self)

        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(asyncio.StreamWriter, "wait_closed", spy_wait_closed)
                async with asyncio.timeout(STUCK):  # in this task: no loop step before the check
                    replies = await request_lines(streams.HOST, port, lines)
            still_open = streams.open_transports(port)  # checked before the loop runs again
        except TimeoutError:
            sent = [f"{line}\n".encode() for line in lines]
            if server.received != sent:
                return (
                    f"{what} did not return within {STUCK:g} s; the server had received "
                    f"{server.received!r} of {sent!r}. {HANG}"
                )
            if unclosed_waits:
                return (
                    f"{what} did not return within {STUCK:g} s, though the server had answered "
                    "every line: it awaited writer.wait_closed() on a connection it had not "
                    "closed. wait_closed() only waits for a close you have started: "
                    "writer.close() first."
                )
            return (
                f"{what} did not return within {STUCK:g} s, though the server had answered "
                "every line: do you wait for more than one reply line per request (read() "
                "with no size waits until the server closes)? Read one line per request with "
                "`await reader.readline()`."
            )
        except UnicodeDecodeError as error:
            sent = [f"{line}\n".encode() for line in lines]
            if server.received != sent[: len(server.received)]:
                return (
                    f"{what} raised UnicodeDecodeError ({error.reason}) after sending "
                    f"{server.received!r}; expected {sent!r}: the lines were not encoded as "
                    "UTF-8, and the replies that echo them are not UTF-8 either. Text is UTF-8 "
                    "both ways: send `line.encode() + b'\\n'`."
                )
            return (
                f"{what} raised UnicodeDecodeError ({error.reason}): a piece that has "
                "arrived may end in the middle of a multi-byte character. Decode whole "
                "lines (`(await reader.readline()).decode()`), not each piece on its own."
            )
        finally:
            await streams.settle(1.0)
            streams.abort_transports(port)
            await streams.shut_server(listener)
        if replies != want:
            return mismatch(what, replies, want)
        sent = [f"{line}\n".encode() for line in lines]
        if server.received != sent:
            return (
                f"{what} sent the lines {server.received!r}; expected {sent!r}: each string "
                "of `lines` followed by one newline, and nothing else (no line at all for "
                "an empty list)."
            )
        if lines and server.connections != 1:
            return (
                f"{what} opened {server.connections} connections; expected 1: open the "
                "connection once and send every line over it."
            )
        if still_open:
            return (
                f"{what} returned while its connection was still open: close it with "
                "writer.close() and then `await writer.wait_closed()` before returning (close() "
                "only starts closing)."
            )
        return ""

    kit.judge(
        kata,
        scenario,
        what=what,
        limit=15.0,
        hang_hint=HANG,
        unclosed="request_lines left its connection open: writer.close(), then "
        "`await writer.wait_closed()`",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """request_lines is an async def."""
    kata.get("request_lines", "coroutine")


def test_one_line(kata: kit.Kata) -> None:
    """One line, one reply, arriving in pieces."""
    grade(kata, ["hello"])


def test_several_lines_in_order(kata: kit.Kata) -> None:
    """Several replies, each in pieces, come back whole and in order."""
    grade(kata, ["hello", "asyncio streams", "bye"])


def test_a_long_line(kata: kit.Kata) -> None:
    """A 3000-character reply is longer than one typical read()."""
    grade(kata, ["x" * 3000, "short"])


def test_no_lines(kata: kit.Kata) -> None:
    """No lines: no replies, and nothing left open."""
    grade(kata, [])


def test_text_is_kept_exactly(kata: kit.Kata) -> None:
    """Spaces, tabs, non-ASCII text, an empty line and a carriage return before the newline
    travel both ways unchanged."""
    grade(kata, ["  padded\t ", "grüße ☃", "", "ends in a carriage return\r"])


# Checked last: earlier wrong answers fail the checks above first.


def test_blank_replies_are_replies(kata: kit.Kata) -> None:
    """An echo server answers "" with a blank line and " \t" with spaces: both are replies."""
    grade(kata, ["before", "", " \t", "after"], echo=True)


def test_a_character_split_between_pieces(kata: kit.Kata) -> None:
    """A reply whose pieces split a multi-byte UTF-8 character ("☃" is 3 bytes) comes back
    whole."""
    grade(kata, ["☃☃☃☃☃☃"])


def test_the_server_hangs_up_early(kata: kit.Kata) -> None:
    """The server answers the first of three lines, then closes: request_lines raises
    ConnectionError (or readuntil's IncompleteReadError) and closes its side too."""
    request_lines = kata.get("request_lines", "coroutine")
    lines = ["hello", "are you there?", "bye"]
    what = f"request_lines(host, port, {lines!r}) with a server that hangs up after one reply"

    async def scenario() -> str:
        server = Server(quit_after=1)
        listener = await asyncio.start_server(server.handle, streams.HOST, 0)
        port = streams.port_of(listener)
        error: BaseException | None = None
        replies: object = None
        closed: list[asyncio.StreamWriter] = []  # the client's writers it called close() on
        close = asyncio.StreamWriter.close

        def spy_close(self: asyncio.StreamWriter) -> None:
            if (self.get_extra_info("peername") or ("", None))[1] == port:
                closed.append(self)
            close(self)

        try:
            try:
                with pytest.MonkeyPatch.context() as patch:
                    patch.setattr(asyncio.StreamWriter, "close", spy_close)
                    replies = await request_lines(streams.HOST, port, lines)
            except (ConnectionError, EOFError) as raised:
                error = raised
            still_open = streams.open_transports(port)  # checked before the loop runs again
        finally:
            await streams.settle(1.0)
            streams.abort_transports(port)
            await streams.shut_server(listener)
        if error is None:
            return (
                f"{what} returned {replies!r} instead of raising: when readline() returns "
                'b"" the server has closed the connection, and that is not a reply. Raise '
                "ConnectionError: the caller must know the answers are missing."
            )
        if still_open and closed:
            return (
                f"{what} raised {type(error).__name__} after calling writer.close(), but "
                "before the connection was closed: close() only starts closing; "
                "`await writer.wait_closed()` after it, in a `finally:`, on the way out too."
            )
        if still_open:
            return (
                f"{what} raised {type(error).__name__} but left its connection open: close "
                "it on the way out too (writer.close() and `await writer.wait_closed()` in a "
                "`finally:`)."
            )
        if not isinstance(error, ConnectionError | asyncio.IncompleteReadError):
            return (
                f"{what} raised {type(error).__name__}, which is neither a ConnectionError nor "
                "readuntil()'s IncompleteReadError: a caller's `except ConnectionError` misses "
                "it. Raise ConnectionError (or let readuntil()'s IncompleteReadError out)."
            )
        return ""

    kit.judge(
        kata,
        scenario,
        what=what,
        limit=15.0,
        hang_hint='When the server closes the connection, readline() returns b"" at once, '
        "again and again: stop there and raise ConnectionError.",
        unclosed="request_lines left its connection open when the server hung up: "
        "writer.close(), then `await writer.wait_closed()`, in a `finally:`",
    )


OTHER_HOST = "127.0.0.2"  # loopback too (all of 127.0.0.0/8 on Linux), but not 127.0.0.1


def test_the_host_it_is_given(kata: kit.Kata) -> None:
    """A server listening on 127.0.0.2 only: request_lines connects to the host it is given."""
    request_lines = kata.get("request_lines", "coroutine")
    what = f"request_lines({OTHER_HOST!r}, port, ['hello']) with the server on {OTHER_HOST}"

    async def scenario() -> str:
        server = Server()
        try:
            listener = await asyncio.start_server(server.handle, OTHER_HOST, 0)
        except OSError:
            return ""  # no such address here (macOS): nothing to check
        port = streams.port_of(listener)
        try:
            async with asyncio.timeout(STUCK):
                replies = await request_lines(OTHER_HOST, port, ["hello"])
        except TimeoutError:
            return f"{what} did not return within {STUCK:g} s. {HANG}"
        except OSError as error:
            if server.connections:
                raise
            return (
                f"{what} raised {type(error).__name__} ({error}), and no connection reached "
                f"the server listening on {OTHER_HOST}: connect to the host you are given, "
                "`asyncio.open_connection(host, port)`, not to an address written in the code."
            )
        finally:
            await streams.settle(1.0)
            streams.abort_transports(port)
            await streams.shut_server(listener)
        if replies != ["you said: hello"]:
            return mismatch(what, replies, ["you said: hello"])
        return ""

    kit.judge(kata, scenario, what=what, limit=15.0, hang_hint=HANG)


def test_a_last_reply_without_newline(kata: kit.Kata) -> None:
    """The server sends its last reply without a newline and closes: request_lines returns
    that reply whole, or raises ConnectionError (or readuntil's IncompleteReadError); it
    never cuts the reply's last character."""
    request_lines = kata.get("request_lines", "coroutine")
    lines = ["hello", "bye"]
    want = [f"you said: {line}" for line in lines]
    what = (
        f"request_lines(host, port, {lines!r}) with a server that sends its last reply "
        "without a newline, then closes"
    )

    async def scenario() -> str:
        server = Server(quit_after=len(lines), bare_last=True)
        listener = await asyncio.start_server(server.handle, streams.HOST, 0)
        port = streams.port_of(listener)
        replies: object = None
        try:
            async with asyncio.timeout(STUCK):
                replies = await request_lines(streams.HOST, port, lines)
        except TimeoutError:
            return f"{what} did not return within {STUCK:g} s. {HANG}"
        except (ConnectionError, asyncio.IncompleteReadError):
            return ""  # treated as an answer cut short: allowed
        finally:
            await streams.settle(1.0)
            streams.abort_transports(port)
            await streams.shut_server(listener)
        if replies == [*want[:-1], want[-1][:-1]]:
            return (
                f"{what} returned {replies!r}; expected {want!r}: the last reply lost its "
                "last character. readline() returns a last line without a newline as it "
                "is, so remove only a trailing newline (`reply.decode().removesuffix('\\n')`), "
                "not the last character whatever it is (`[:-1]`)."
            )
        if replies != want:
            return mismatch(what, replies, want)
        return ""

    kit.judge(kata, scenario, what=what, limit=15.0, hang_hint=HANG)


def test_each_call_returns_its_own_replies(kata: kit.Kata) -> None:
    """request_lines(['one']), then request_lines(['two', 'three']) on the same module: the
    second call returns its own two replies, not the first call's too."""
    request_lines = kata.get("request_lines", "coroutine")
    what = "request_lines(host, port, ['one']), then request_lines(host, port, ['two', 'three'])"
    want = ["you said: two", "you said: three"]

    async def scenario() -> str:
        server = Server()
        listener = await asyncio.start_server(server.handle, streams.HOST, 0)
        port = streams.port_of(listener)
        try:
            async with asyncio.timeout(2 * STUCK):
                first = await request_lines(streams.HOST, port, ["one"])
                first = list(first) if isinstance(first, list) else first  # before call 2
                second = await request_lines(streams.HOST, port, ["two", "three"])
        except TimeoutError:
            return f"{what} did not return within {2 * STUCK:g} s. {HANG}"
        finally:
            await streams.settle(1.0)
            streams.abort_transports(port)
            await streams.shut_server(listener)
        if first != ["you said: one"]:
            return mismatch("the first call of " + what, first, ["you said: one"])
        if second != want:
            if isinstance(second, list) and second[-len(want) :] == want:
                return (
                    f"{what}: the second call returned {second!r}; expected {want!r}. A list "
                    "kept from one call to the next (a mutable default argument such as "
                    "`replies=[]`, or a list at module level) collects every call's replies: "
                    "make a new list inside each call."
                )
            return mismatch("the second call of " + what, second, want)
        return ""

    kit.judge(kata, scenario, what=what, limit=20.0, hang_hint=HANG)


def test_two_calls_at_once(kata: kit.Kata) -> None:
    """request_lines(['a', 'b']) and request_lines(['c']) at once, on two connections to one
    server: each returns its own replies only."""
    request_lines = kata.get("request_lines", "coroutine")
    what = "request_lines(host, port, ['a', 'b']) and request_lines(host, port, ['c']) at once"
    want = (["you said: a", "you said: b"], ["you said: c"])

    async def scenario() -> str:
        server = Server()
        listener = await asyncio.start_server(server.handle, streams.HOST, 0)
        port = streams.port_of(listener)
        try:
            async with asyncio.timeout(STUCK):
                both = await asyncio.gather(
                    request_lines(streams.HOST, port, ["a", "b"]),
                    request_lines(streams.HOST, port, ["c"]),
                )
        except TimeoutError:
            return f"{what} did not return within {STUCK:g} s. {HANG}"
        finally:
            await streams.settle(1.0)
            streams.abort_transports(port)
            await streams.shut_server(listener)
        got = tuple(list(r) if isinstance(r, list) else r for r in both)
        if got != want:
            return (
                f"{what} returned {got[0]!r} and {got[1]!r}; expected {want[0]!r} and "
                f"{want[1]!r}: each call returns its own replies. A list shared by the calls "
                "(at module level, even cleared at the start of each call) mixes their "
                "replies: make a new list inside each call."
            )
        return ""

    kit.judge(kata, scenario, what=what, limit=20.0, hang_hint=HANG)


def test_a_repeated_line_is_sent_again(kata: kit.Kata) -> None:
    """["ping", "pong", "ping"]: the repeated line is sent again and gets its own reply."""
    grade(kata, ["ping", "pong", "ping"])
