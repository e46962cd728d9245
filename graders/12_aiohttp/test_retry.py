"""Grader for 12_aiohttp/retry: what is retried, and exactly when (virtual loop time).

Requests are mocked (aioresponses through kit.http_doubles.mock_http): each scenario is a script of
answers (a status, maybe with Retry-After, or a connection error) and the mock records the
loop time of every request. The rng is seeded (``random.Random(seed).random``), so the
grader knows every wait: before retry ``n`` (0 first), Retry-After seconds when the answer
has one, else ``rng() * min(cap, base * 2**n)``. Checks: the signature's defaults; 5xx, 429
and connection errors retried on that exact schedule; other 4xx raised at once; out of
tries, the last error is raised without a last wait.

Docstring sentence -> the check that enforces it:
- GETs `url` on `session`, returns the decoded JSON body -> test_success_at_once
- `get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random)`
  -> test_signature_defaults
- retry a 5xx, a 429 and a connection error
  -> test_server_errors_back_off_with_full_jitter, test_connection_errors_are_retried,
  test_any_5xx_is_retried (501, 520), test_a_refused_connection_is_retried
  (ClientConnectorError, ClientOSError, SocketTimeoutError: any ClientConnectionError, not
  only a dropped connection)
- never retry any other 4xx: raise its ClientResponseError at once
  -> test_other_client_errors_are_not_retried (404, 400, 401, 408, 403, 409)
- anything else (a 200 whose body is not JSON) is raised at once, not retried
  -> test_a_body_that_is_not_json_is_not_retried (and a plain TimeoutError: a request out
  of its total timeout); a body cut short (ClientPayloadError, an
  aiohttp.ClientError but no connection error) -> test_a_body_cut_short_is_not_retried
- `tries` counts every request; the last failure is raised without waiting again
  -> test_out_of_tries_raises_the_last_error, test_the_error_raised_is_the_last_one (not
  the first of different failures)
  (not even when the last answer carries a Retry-After)
  -> test_no_retry_after_wait_after_the_last_try
- "before retry number `attempt`" (every retry counts, whatever failed: a connection error
  and a 5xx alike) -> test_mixed_failures_share_one_attempt_count
- `Retry-After` (whole seconds): wait exactly that long, no rng -> test_retry_after_is_obeyed
  (which also shows that a Retry-After wait counts as a retry for `attempt`),
  test_a_long_retry_after_is_obeyed_whatever_the_cap (30 s, cap 8),
  test_a_retry_after_of_zero_retries_at_once (0 is not "no header"),
  test_retry_after_on_any_retried_status (a 500 and a 502 carry it too, not only 429 and 503)
- "a header that holds no number (an HTTP date, say) counts as none" ->
  test_a_dated_retry_after_falls_back_to_backoff. Values that are numbers but not HTTP's
  delay-seconds (`2.5`, `-1`, `inf`) are not sent: the contract leaves them open, so reading
  `2.5` as seconds (`float()`) and as no header (digits only) both pass.
- otherwise `rng() * min(cap, base * 2 ** attempt)`, rng once per wait
  -> test_server_errors_back_off_with_full_jitter, test_the_ceiling_is_capped,
  test_a_dated_retry_after_falls_back_to_backoff (an HTTP date is not seconds); rng is
  counted: never for a 404, and not after the last try
  (test_other_client_errors_are_not_retried, test_out_of_tries_raises_the_last_error)
- "before retry number `attempt`" counts this call's retries only: a second call on the same
  module starts again from attempt 0 -> test_each_call_counts_its_own_attempts
"""

from __future__ import annotations

import inspect
import random
from dataclasses import dataclass
from typing import Any

import aiohttp
import kit
import pytest
from aiohttp.client_reqrep import ConnectionKey
from kit import http_doubles
from kit.http_doubles import mock_http

URL = "http://api.example.com/flaky"
BODY = {"ok": True}
CONN = "connection error"  # in a script: the server drops the connection
REFUSED = "connection refused"  # in a script: the connection is refused
NOT_JSON = "200 (an HTML body)"  # in a script: a 200 whose body is not JSON
CUT_SHORT = "200 (a body cut short)"  # in a script: the body breaks off (ClientPayloadError)
RESET = "connection reset"  # in a script: the connection is reset (ClientOSError)
READ_TIMEOUT = "read timeout"  # in a script: a sock_read timeout (SocketTimeoutError)
TIMED_OUT = "total timeout"  # in a script: the request ran out of its total timeout
RULE = "the wait before retry n (0 first) is rng() * min(cap, base * 2**n), or Retry-After"


@dataclass(frozen=True)
class Answer:
    """One scripted answer: an HTTP status (maybe with Retry-After), or a connection error."""

    status: int | str
    retry_after: str | None = None

    @property
    def seconds(self) -> float | None:
        """Retry-After as delay-seconds, or None (no header, or an HTTP date)."""
        return float(self.retry_after) if (self.retry_after or "").isdigit() else None

    def reply(self) -> Any:
        """The mocked response, or raise the connection error."""
        if self.status == CONN:
            raise aiohttp.ServerDisconnectedError()
        if self.status == REFUSED:
            key = ConnectionKey._make([None] * len(ConnectionKey._fields))
            key = key._replace(host="api.example.com", port=80, is_ssl=False, ssl=True)
            raise aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "refused"))
        if self.status == RESET:
            raise aiohttp.ClientOSError(104, "Connection reset by peer")
        if self.status == READ_TIMEOUT:
            raise aiohttp.SocketTimeoutError("Timeout on reading data from socket")
        if self.status == TIMED_OUT:
            raise TimeoutError()
        if self.status == CUT_SHORT:
            raise aiohttp.ClientPayloadError("Response payload is not completed")
        if self.status == NOT_JSON:
            return http_doubles.reply(200, body="<html>busy</html>", content_type="text/html")
        headers = {"Retry-After": self.retry_after} if self.retry_after else None
        payload = BODY if self.status == 200 else {"error": self.status}
        return http_doubles.reply(int(self.status), payload, headers=headers)


def script(*answers: int | str | tuple[int, str]) -> list[Answer]:
    """Answers from 500, CONN or (503, "3") (a status with Retry-After)."""
    return [Answer(*a) if isinstance(a, tuple) else Answer(a) for a in answers]


def model(
    answers: list[Answer],
    seed: int,
    base: float,
    cap: float,
    tries: int,
    *,
    jitter: bool = True,
    honour_retry_after: bool = True,
    rng_always: bool = False,
    first: int = 0,
    capped: bool = True,
    fixed: bool = False,
    retry_after_capped: bool = False,
    backoff_only: bool = False,
) -> list[float]:
    """The loop times of the requests a retry policy makes (the keywords model mistakes)."""
    rng = random.Random(seed).random
    times, now, backoffs = [0.0], 0.0, 0
    for attempt, answer in enumerate(answers[: tries - 1]):
        if answer.status == 200 or (isinstance(answer.status, int) and not retryable(answer)):
            break
        n = backoffs if backoff_only else attempt + first
        ceiling = base if fixed else base * 2**n
        ceiling = min(cap, ceiling) if capped else ceiling
        if answer.seconds is not None and honour_retry_after:
            if rng_always:
                rng()
            delay = min(cap, answer.seconds) if retry_after_capped else answer.seconds
        else:
            delay = (rng() if jitter else 1.0) * ceiling
            backoffs += 1
        now += delay
        times.append(now)
    return times


def retryable(answer: Answer) -> bool:
    """5xx, 429 and connection errors are worth another try."""
    if answer.status in (CONN, REFUSED, RESET, READ_TIMEOUT):
        return True
    return answer.status == 429 or int(answer.status) >= 500


MISTAKES = [
    (
        {"backoff_only": True},
        "it did not count a Retry-After wait as a retry: `attempt` numbers every retry, "
        "whatever decided its wait, so after one Retry-After wait the next backoff ceiling is "
        "min(cap, base * 2**1).",
    ),
    (
        {"jitter": False},
        "every wait was exactly min(cap, base * 2**n): no jitter. Multiply by rng() (full "
        "jitter) so that clients that failed together do not retry together.",
    ),
    (
        {"fixed": True, "jitter": False},
        "every wait was the same fixed delay: back off exponentially instead, "
        "rng() * min(cap, base * 2**n).",
    ),
    (
        {"fixed": True},
        "the ceiling never grew: it must double with each retry, min(cap, base * 2**n).",
    ),
    (
        {"honour_retry_after": False},
        "it ignored the Retry-After header: when a failed response says `Retry-After: 3`, "
        "wait exactly 3 s (and do not call rng() for that wait).",
    ),
    (
        {"rng_always": True},
        "it called rng() for a wait that Retry-After decided: call rng() only for backoff "
        "waits, once each (the seeded schedule shifts otherwise).",
    ),
    (
        {"first": 1},
        "it counted `attempt` from 1: the first retry waits rng() * min(cap, base * 2**0).",
    ),
    ({"capped": False}, "it never capped the ceiling: use min(cap, base * 2**n)."),
    (
        {"retry_after_capped": True},
        "it cut the Retry-After wait down to `cap`: `cap` bounds the backoff ceiling only; "
        "when the server says how long to wait, wait exactly that long.",
    ),
]


@dataclass
class Outcome:
    """What one scenario did."""

    run: kit.Run[Any]
    times: list[float]
    what: str
    rng_calls: int = 0


def call(
    kata: kit.Kata,
    answers: list[Answer],
    *,
    seed: int = 7,
    tries: int | None = 5,
    base: float = 0.5,
    cap: float = 8.0,
) -> Outcome:
    """Run get_with_retry against the scripted answers, with a seeded rng."""
    get_with_retry = kata.get("get_with_retry", "coroutine")
    draw, calls = random.Random(seed).random, [0]

    def rng() -> float:
        calls[0] += 1
        return draw()

    options: dict[str, Any] = {"base": base, "cap": cap, "rng": rng}
    if tries is not None:
        options["tries"] = tries
    shown = ", ".join(
        str(a.status) + (f" (Retry-After {a.retry_after})" if a.retry_after else "")
        for a in answers
    )
    what = (
        f"get_with_retry(session, url, tries={tries or 5}, base={base:g}, cap={cap:g}, "
        f"rng=random.Random({seed}).random) against answers [{shown}]"
    )
    traffic = http_doubles.Traffic(
        respond=lambda _url, n: answers[min(n, len(answers) - 1)].reply()
    )

    async def scenario() -> Any:
        with mock_http() as mock:
            mock.get(URL, callback=traffic.callback, repeat=True)
            async with aiohttp.ClientSession() as session:
                return await get_with_retry(session, URL, **options)

    result = kata.run(scenario, what=what, raises=Exception, limit=600.0)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    return Outcome(result, traffic.times, what, calls[0])


def same(a: list[float], b: list[float]) -> bool:
    """Equal request times (to the microsecond looptime keeps)."""
    return len(a) == len(b) and all(abs(x - y) < 1e-5 for x, y in zip(a, b, strict=True))


def shown(times: list[float]) -> str:
    """Request times for a message."""
    return "[" + ", ".join(f"{t:.4g}" for t in times) + "]"


def expect_schedule(
    outcome: Outcome, answers: list[Answer], seed: int, base: float, cap: float, tries: int
) -> None:
    """Fail, naming the likely mistake, unless the requests went out at the expected times."""
    expected = model(answers, seed, base, cap, tries)
    observed = outcome.times
    if same(observed, expected):
        return
    prefix = (
        f"{outcome.what} sent requests at loop times {shown(observed)}; expected {shown(expected)}"
    )
    if len(observed) < len(expected):
        error = outcome.run.error
        if error is None and outcome.run.value != BODY:
            kit.fail(
                f"{prefix}: it returned {outcome.run.value!r}, the body of an error answer, "
                f"after {len(observed)} request(s). Call `response.raise_for_status()`: an "
                "error status must raise (and a 5xx or 429 be retried), never be returned as "
                "data."
            )
        raised = f" and raised {type(error).__name__}: {error}" if error else ""
        dated = [a.retry_after for a in answers if a.retry_after and a.seconds is None]
        if isinstance(error, ValueError) and dated:
            kit.fail(
                f"{prefix}{raised}. A Retry-After header may hold an HTTP date "
                f"({dated[0]!r}) rather than a number of seconds: wait that long only when "
                "it is a whole number of seconds (`value.isdigit()`), else back off as usual."
            )
        if isinstance(error, aiohttp.ClientConnectionError):
            kit.fail(
                f"{prefix}: it stopped after {len(observed)} request(s){raised}, which is an "
                "aiohttp.ClientConnectionError: retry every connection error (catch "
                "aiohttp.ClientConnectionError itself, not only some of its subclasses)."
            )
        kit.fail(
            f"{prefix}: it stopped after {len(observed)} request(s){raised}. Retry 5xx, 429 "
            "and connection errors (aiohttp.ClientConnectionError) until `tries` requests "
            "were made."
        )
    for mistake, sentence in MISTAKES:
        if same(observed, model(answers, seed, base, cap, tries, **mistake)):
            kit.fail(f"{prefix}: {sentence}")
    kit.fail(f"{prefix}. Remember: {RULE}; `tries` counts every request.")


def expect_success(outcome: Outcome) -> None:
    """Fail unless the call returned the JSON body of the final 200."""
    error = outcome.run.error
    if error is not None:
        kit.fail(
            f"{outcome.what} raised {type(error).__name__}: {error}; the last answer was a "
            f"200, so it should return its body {BODY!r}."
        )
    kit.expect_equal(outcome.run.value, BODY, f"the result of {outcome.what}")


def test_signature_defaults(kata: kit.Kata) -> None:
    """tries=5, base=0.5, cap=8.0 and rng=random.random, all keyword-only."""
    get_with_retry = kata.get("get_with_retry", "coroutine")
    params = inspect.signature(get_with_retry).parameters
    wanted = {"tries": 5, "base": 0.5, "cap": 8.0, "rng": random.random}
    for name, default in wanted.items():
        kit.expect(
            name in params and params[name].default == default,
            f"get_with_retry should take `{name}` with default {default!r} (the signature is "
            "`get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, "
            "rng=random.random)`).",
        )


def test_success_at_once(kata: kit.Kata) -> None:
    """A 200 at the first try: one request, no waiting, the body returned."""
    outcome = call(kata, script(200))
    expect_success(outcome)
    kit.expect_equal(len(outcome.times), 1, f"the number of requests {outcome.what} made")
    kit.expect_loop_time(outcome.run, 0.0, outcome.what, slower="Wait only after a failure.")


@pytest.mark.parametrize("seed", [7, 2024])
def test_server_errors_back_off_with_full_jitter(kata: kit.Kata, seed: int) -> None:
    """500, 503, 429, 502 then 200: four waits of rng() * min(cap, base * 2**n)."""
    answers = script(500, 503, 429, 502, 200)
    outcome = call(kata, answers, seed=seed)
    expect_schedule(outcome, answers, seed, 0.5, 8.0, 5)
    expect_success(outcome)


def test_connection_errors_are_retried(kata: kit.Kata) -> None:
    """Two failed connections, then 200: retried on the same schedule."""
    answers = script(CONN, CONN, 200)
    outcome = call(kata, answers, seed=11)
    expect_schedule(outcome, answers, 11, 0.5, 8.0, 5)
    expect_success(outcome)


def test_retry_after_is_obeyed(kata: kit.Kata) -> None:
    """A Retry-After of 3 s, a plain 500, a 429 asking 2 s, then 200: 3 s, rng wait, 2 s."""
    answers = script((503, "3"), 500, (429, "2"), 200)
    outcome = call(kata, answers, seed=5)
    expect_schedule(outcome, answers, 5, 0.5, 8.0, 5)
    expect_success(outcome)


def test_the_ceiling_is_capped(kata: kit.Kata) -> None:
    """base=1, cap=1.5: the ceilings are 1, 1.5, 1.5, 1.5."""
    answers = script(500, 500, 500, 500, 200)
    outcome = call(kata, answers, seed=3, base=1.0, cap=1.5)
    expect_schedule(outcome, answers, 3, 1.0, 1.5, 5)
    expect_success(outcome)


@pytest.mark.parametrize("status", [404, 400, 401, 408, 403, 409])
def test_other_client_errors_are_not_retried(kata: kit.Kata, status: int) -> None:
    """A 404 (or 400, 401, 408, 403, 409) raises its ClientResponseError at once: one
    request, no wait."""
    outcome = call(kata, script(status, 200))
    kit.expect(
        len(outcome.times) == 1,
        f"{outcome.what} made {len(outcome.times)} requests; a {status} must not be "
        "retried: other 4xx mean the request itself is wrong, and asking again will not fix "
        "it. Retry only 5xx, 429 and connection errors.",
    )
    error = outcome.run.error
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and error.status == status,
        f"{outcome.what} gave {error or outcome.run.value!r}; a {status} should raise its "
        "aiohttp.ClientResponseError (`response.raise_for_status()`).",
    )
    kit.expect(
        outcome.rng_calls == 0,
        f"{outcome.what} called rng() {outcome.rng_calls} time(s), though no wait followed "
        "(a 404 is raised at once): call rng() exactly once per backoff wait, when you wait.",
    )


@pytest.mark.parametrize(
    ("answer", "kind"),
    [(500, aiohttp.ClientResponseError), (CONN, aiohttp.ClientConnectionError)],
)
def test_out_of_tries_raises_the_last_error(kata: kit.Kata, answer: int | str, kind: type) -> None:
    """tries=3 and every answer fails: 3 requests, then the last error, with no last wait."""
    answers = script(answer, answer, answer, 200)
    outcome = call(kata, answers, seed=13, tries=3)
    expected = model(answers, 13, 0.5, 8.0, 3)
    kit.expect(
        len(outcome.times) <= 3,
        f"{outcome.what} made {len(outcome.times)} requests; `tries=3` allows 3 in all, the "
        "first included.",
    )
    expect_schedule(outcome, answers, 13, 0.5, 8.0, 3)
    error = outcome.run.error
    kit.expect(
        isinstance(error, kind),
        f"{outcome.what} gave {error or outcome.run.value!r} after its last try; it should "
        f"raise the last error itself (a {kind.__name__}), so the caller sees what went "
        "wrong: re-raise it (`raise`), don't return None or a new exception.",
    )
    kit.expect_loop_time(
        outcome.run,
        expected[-1],
        outcome.what,
        slower="It waited again after the last try failed: raise at once, nobody is left to retry.",
    )
    kit.expect(
        outcome.rng_calls == 2,
        f"{outcome.what} called rng() {outcome.rng_calls} time(s) for its 2 waits: call rng() "
        "exactly once per backoff wait, and not after the last try (no wait follows it).",
    )


# Checked last, so that an earlier check names a mistake it finds first.
def test_a_long_retry_after_is_obeyed_whatever_the_cap(kata: kit.Kata) -> None:
    """A 503 asking 30 s with cap=8: the wait is 30 s (cap bounds the backoff only)."""
    answers = script((503, "30"), 200)
    outcome = call(kata, answers, seed=5)
    expect_schedule(outcome, answers, 5, 0.5, 8.0, 5)
    expect_success(outcome)


def test_a_dated_retry_after_falls_back_to_backoff(kata: kit.Kata) -> None:
    """A Retry-After holding an HTTP date, not seconds: an ordinary backoff wait (with rng)."""
    answers = script((503, "Wed, 21 Oct 2015 07:28:00 GMT"), 200)
    outcome = call(kata, answers, seed=5)
    expect_schedule(outcome, answers, 5, 0.5, 8.0, 5)
    expect_success(outcome)


@pytest.mark.parametrize("status", [501, 520])
def test_any_5xx_is_retried(kata: kit.Kata, status: int) -> None:
    """Every 5xx, not only the usual 500, 502, 503 and 504."""
    answers = script(status, 200)
    outcome = call(kata, answers, seed=9)
    expect_schedule(outcome, answers, 9, 0.5, 8.0, 5)
    expect_success(outcome)


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize(
    ("answers", "status"),
    [((500, 503, 502), 502), ((CONN, 503), 503)],
    ids=["500_503_502", "conn_503"],
)
def test_the_error_raised_is_the_last_one(
    kata: kit.Kata, answers: tuple[int | str, ...], status: int
) -> None:
    """Out of tries after different failures: the error raised is the last request's."""
    outcome = call(kata, script(*answers, 200), seed=13, tries=len(answers))
    error = outcome.run.error
    got = f"{type(error).__name__}" + (
        f" with status {error.status}" if isinstance(error, aiohttp.ClientResponseError) else ""
    )
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and error.status == status,
        f"{outcome.what} raised {got} after its last try, whose answer was a {status}: raise "
        "the error of the last request (a bare `raise` where you catch it), not one kept from "
        "an earlier try.",
    )


@pytest.mark.parametrize("failure", [REFUSED, RESET, READ_TIMEOUT])
def test_a_refused_connection_is_retried(kata: kit.Kata, failure: str) -> None:
    """A refused connection (ClientConnectorError), a reset one (ClientOSError) and a read
    timeout (SocketTimeoutError) are connection errors too: retried."""
    answers = script(failure, failure, 200)
    outcome = call(kata, answers, seed=11)
    expect_schedule(outcome, answers, 11, 0.5, 8.0, 5)
    expect_success(outcome)


def test_a_retry_after_of_zero_retries_at_once(kata: kit.Kata) -> None:
    """`Retry-After: 0` is a whole number of seconds: retry at once, with no rng() call."""
    answers = script((503, "0"), (429, "0"), 200)
    outcome = call(kata, answers, seed=5)
    expected = model(answers, 5, 0.5, 8.0, 5)
    kit.expect(
        same(outcome.times, expected) and outcome.rng_calls == 0,
        f"{outcome.what} sent requests at loop times {shown(outcome.times)} and called rng() "
        f"{outcome.rng_calls} time(s); expected {shown(expected)} and no rng() call: "
        "`Retry-After: 0` is a whole number of seconds like any other, so wait exactly 0 s "
        "and do not call rng().",
    )
    expect_success(outcome)


@pytest.mark.parametrize(
    ("answer", "failure"),
    [
        (NOT_JSON, "a 200 whose body is not JSON"),
        (
            TIMED_OUT,
            "a request that ran out of its total timeout (a plain TimeoutError, no "
            "aiohttp.ClientConnectionError)",
        ),
    ],
    ids=["not_json", "total_timeout"],
)
def test_a_body_that_is_not_json_is_not_retried(kata: kit.Kata, answer: str, failure: str) -> None:
    """A 200 whose body is not JSON, or a request out of its total timeout (a TimeoutError):
    one request, its error raised at once, no rng() call."""
    outcome = call(kata, script(answer, 200))
    error = outcome.run.error
    kit.expect(
        len(outcome.times) == 1 and error is not None and outcome.rng_calls == 0,
        f"{outcome.what} made {len(outcome.times)} request(s), called rng() "
        f"{outcome.rng_calls} time(s) and "
        + (f"raised {type(error).__name__}" if error else f"returned {outcome.run.value!r}")
        + f": {failure} is not a failure to retry. Retry only 5xx, 429 and "
        "connection errors; let any other error propagate at once.",
    )


def test_retry_after_on_any_retried_status(kata: kit.Kata) -> None:
    """Retry-After on a 500 and a 502 is obeyed too, not only on a 429 or a 503."""
    answers = script((500, "2"), (502, "1"), 200)
    outcome = call(kata, answers, seed=5)
    expected = model(answers, 5, 0.5, 8.0, 5)
    kit.expect(
        same(outcome.times, expected) and outcome.rng_calls == 0,
        f"{outcome.what} sent requests at loop times {shown(outcome.times)} and called rng() "
        f"{outcome.rng_calls} time(s); expected {shown(expected)} and no rng() call: when the "
        "failed response has a Retry-After header, wait exactly that long, whatever its "
        "status (a 500 or a 502 as well as a 429 or a 503).",
    )
    expect_success(outcome)


def test_a_body_cut_short_is_not_retried(kata: kit.Kata) -> None:
    """A 200 whose body breaks off (ClientPayloadError, no connection error): raised at once."""
    outcome = call(kata, script(CUT_SHORT, 200))
    error = outcome.run.error
    kit.expect(
        len(outcome.times) == 1
        and isinstance(error, aiohttp.ClientPayloadError)
        and outcome.rng_calls == 0,
        f"{outcome.what} made {len(outcome.times)} request(s), called rng() "
        f"{outcome.rng_calls} time(s) and "
        + (f"raised {type(error).__name__}" if error else f"returned {outcome.run.value!r}")
        + ": a body cut short raises aiohttp.ClientPayloadError, which is an "
        "aiohttp.ClientError but no connection error: raise it at once. Retry only 5xx, 429 "
        "and aiohttp.ClientConnectionError, not every aiohttp.ClientError.",
    )


def test_no_retry_after_wait_after_the_last_try(kata: kit.Kata) -> None:
    """tries=3 and every answer is a 503 with `Retry-After: 3`: 3 requests, at 0, 3 and 6 s,
    then the last 503 raised at once at 6 s (no Retry-After wait after the last try)."""
    answers = script((503, "3"), (503, "3"), (503, "3"), 200)
    outcome = call(kata, answers, seed=13, tries=3)
    expect_schedule(outcome, answers, 13, 0.5, 8.0, 3)
    error = outcome.run.error
    kit.expect(
        isinstance(error, aiohttp.ClientResponseError) and error.status == 503,
        f"{outcome.what} gave {error or outcome.run.value!r} after its last try; it should "
        "raise the last 503's ClientResponseError.",
    )
    kit.expect_loop_time(
        outcome.run,
        6.0,
        outcome.what,
        slower="It waited the seconds Retry-After asked for after the last try had failed: "
        "out of tries, raise at once, whatever the last answer's Retry-After says (no retry "
        "follows that wait).",
    )


def _split_counts(answers: list[Answer], seed: int, base: float, cap: float) -> list[float]:
    """The request times of a policy that counts connection errors and 5xx apart (a mistake)."""
    rng = random.Random(seed).random
    times, now, counts = [0.0], 0.0, {"conn": 0, "status": 0}
    for answer in answers:
        if answer.status == 200:
            break
        kind = "status" if isinstance(answer.status, int) else "conn"
        now += rng() * min(cap, base * 2 ** counts[kind])
        counts[kind] += 1
        times.append(now)
    return times


def test_mixed_failures_share_one_attempt_count(kata: kit.Kata) -> None:
    """A dropped connection, a 500, a dropped connection, a 503, then 200: the waits use
    attempt 0, 1, 2, 3 (every retry counts, whatever failed)."""
    answers = script(CONN, 500, CONN, 503, 200)
    outcome = call(kata, answers, seed=7)
    if not same(outcome.times, model(answers, 7, 0.5, 8.0, 5)) and same(
        outcome.times, _split_counts(answers, 7, 0.5, 8.0)
    ):
        kit.fail(
            f"{outcome.what} sent requests at loop times {shown(outcome.times)}; expected "
            f"{shown(model(answers, 7, 0.5, 8.0, 5))}: it counted connection errors and error "
            "statuses apart. `attempt` numbers every retry, whatever made the request fail: "
            "the third wait is rng() * min(cap, base * 2**2), after any mix of failures."
        )
    expect_schedule(outcome, answers, 7, 0.5, 8.0, 5)
    expect_success(outcome)


def test_each_call_counts_its_own_attempts(kata: kit.Kata) -> None:
    """Two calls in a row, each against [500, 500, 200] with rng() always 1.0, base 1, cap 8:
    each sends its requests 0, 1 and 3 s after it starts (attempt 0, then 1, for each call)."""
    get_with_retry = kata.get("get_with_retry", "coroutine")
    answers = script(500, 500, 200)
    other = URL + "/other"
    traffic = {
        url: http_doubles.Traffic(respond=lambda _url, n: answers[min(n, 2)].reply())
        for url in (URL, other)
    }
    what = (
        "get_with_retry(session, url, base=1, cap=8, rng=lambda: 1.0), then the same on "
        "another url, each against answers [500, 500, 200]"
    )

    async def scenario() -> Any:
        with mock_http() as mock:
            for url, recorded in traffic.items():
                mock.get(url, callback=recorded.callback, repeat=True)
            async with aiohttp.ClientSession() as session:
                options: dict[str, Any] = {"base": 1.0, "cap": 8.0, "rng": lambda: 1.0}
                first = await get_with_retry(session, URL, **options)
                return first, await get_with_retry(session, other, **options)

    result = kata.run(scenario, what=what, raises=Exception, limit=600.0)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(result.error is None, f"{what} raised {result.error!r}; expected {BODY!r} twice.")
    kit.expect_equal(result.value, (BODY, BODY), f"the results of {what}")
    times = traffic[other].times
    start = traffic[URL].times[-1] if traffic[URL].times else 0.0
    offsets = [t - start for t in times]
    kit.expect(
        same(offsets, [0.0, 1.0, 3.0]),
        f"in {what}, the second call sent its requests {shown(offsets)} s after it started; "
        "expected [0, 1, 3]: each call counts its own attempts from 0. A counter kept from "
        "one call to the next (at module level, or on a function attribute) makes a later "
        "call wait as if it had already retried: count with `for attempt in range(tries)` "
        "inside the call.",
    )
