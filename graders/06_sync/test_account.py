"""Grader for 06_sync/account: concurrent transfers under per-account asyncio locks.

Docstring sentence -> the check that enforces it:

- "`Account(balance)` keeps its money in the attribute `balance`" / "moves `amount` from this
  account to `to`" -> test_one_transfer, test_thousand_transfers_keep_every_balance (the
  right total with wrong balances: a transfer that moved nothing, or not its full amount)
- "in three steps, exactly like this: read, `await asyncio.sleep(0)`, write"
  -> test_awaits_between_read_and_write
- "Guard the steps with locks ... hold both accounts' locks during a transfer
  (`async with lock:`)" -> test_thousand_transfers_keep_every_balance,
  test_any_transfers_keep_the_money, test_a_long_queue_of_transfers (a transfer waits for
  its locks as long as it takes: no time limit of the learner's own); released however it
  ends (`async with`), a cancelled transfer included ->
  test_a_cancelled_transfer_releases_its_locks, and one cancelled while it waits for its
  second lock gives back the first ->
  test_a_transfer_cancelled_while_waiting_releases_its_first_lock
- "so transfers between *unrelated* accounts still run at the same time"
  -> test_unrelated_transfers_overlap (five take no longer than one alone); also while
  another transfer waits for a busy account (a global lock held around the acquiring
  serialises the waits) ->
  test_a_waiting_transfer_holds_up_no_unrelated_one
- "give each account its own `asyncio.Lock`" -> test_one_transfer (a lock made once, as a
  class attribute or a default argument, is taken twice by one transfer: its hang is named)
- "take the two locks in one fixed order" -> test_no_deadlock_in_a_cycle
- "not `threading.Lock`" -> test_no_threading_lock (the account, its class and its module
  are searched before anything runs)
- "A transfer to the same account moves nothing ... must not deadlock"
  -> test_transfer_to_itself, test_any_transfers_keep_the_money

Inputs: repeated pairs, self-transfers, zero amounts and transfers both ways are drawn by
Hypothesis (deterministic, a few dozen examples). For the timing checks the grader stretches
the transfer's `await asyncio.sleep(0)` to 1 s of loop time (only calls made from the
learner's file), so that each transfer holds its locks for a known time.
"""

from __future__ import annotations

import asyncio
import random
import sys
import threading
from typing import Any

import kit
import pytest
from hypothesis import strategies as st

REAL_SLEEP = asyncio.sleep
THREAD_LOCKS = (
    type(threading.Lock()),
    type(threading.RLock()),
    threading.Condition,
    threading.Semaphore,
    threading.Event,
)
DEADLOCK = (
    "The transfers waited for each other forever (a deadlock): one holds account A's lock "
    "and waits for B's while another holds B's and waits for A's. Take the two locks in one "
    "fixed order, e.g. `first, second = sorted((self, to), key=id)`."
)


@pytest.fixture
def stretched(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `asyncio.sleep(0)` called from the learner's file take 1 s of loop time."""
    learner = str(kata.path)

    def stretched_sleep(delay: float, result: Any = None) -> Any:
        if sys._getframe(1).f_code.co_filename == learner and delay == 0:
            delay = 1.0
        return REAL_SLEEP(delay, result)

    monkeypatch.setattr(asyncio, "sleep", stretched_sleep)
    for name, value in list(vars(kata.module).items()):
        if value is REAL_SLEEP:
            monkeypatch.setattr(kata.module, name, stretched_sleep)


def thread_lock_in(kata: kit.Kata, accounts: list[Any]) -> str:
    """Where a threading lock lives in the accounts, their class or module, or ''."""
    places: list[tuple[str, dict[str, Any]]] = [
        ("the account", kit.attributes(a)) for a in accounts
    ]
    places += [("the Account class", vars(type(accounts[0]))), ("the module", vars(kata.module))]
    for where, namespace in places:
        for name, value in namespace.items():
            if isinstance(value, THREAD_LOCKS):
                return f"{where}'s `{name}` is a {type(value).__module__}.{type(value).__name__}"
    return ""


def make_accounts(kata: kit.Kata, balances: list[int]) -> list[Any]:
    """Create accounts inside a running loop (asyncio objects may want one)."""
    account = kata.get("Account", "class")

    async def create() -> list[Any]:
        return [account(b) for b in balances]

    return kata.run(create, what=f"Account({balances[0]})").value or []


def refuse_thread_locks(kata: kit.Kata) -> None:
    """Fail before running contended transfers that a threading lock would freeze for good."""
    found = thread_lock_in(kata, make_accounts(kata, [1, 2]))
    kit.expect(not found, f"{found}: use asyncio.Lock, not a threading lock.")


def test_is_a_class(kata: kit.Kata) -> None:
    """Account is a class."""
    kata.get("Account", "class")


def shared_lock_in(accounts: list[Any]) -> str:
    """The name under which two accounts hold the very same asyncio.Lock, or ''."""
    first, second = accounts
    names = set(kit.attributes(first)) | {n for c in type(first).__mro__ for n in vars(c)}
    for name in sorted(names):
        value = getattr(first, name, None)
        if isinstance(value, asyncio.Lock) and getattr(second, name, None) is value:
            return name
    return ""


def test_one_transfer(kata: kit.Kata) -> None:
    """a.transfer(b, 30) moves 30 from a to b."""
    account = kata.get("Account", "class")
    shared = shared_lock_in(make_accounts(kata, [1, 2]))

    async def scenario() -> tuple[int, int]:
        a, b = account(100), account(5)
        await a.transfer(b, 30)
        return a.balance, b.balance

    result = kata.run(
        scenario,
        what="a.transfer(b, 30)",
        limit=60,
        hang_hint=(
            f"Two accounts hold the very same asyncio.Lock as `{shared}` (made once, as a "
            "class attribute or a default argument): taking both accounts' locks takes it "
            "twice, and it waits for itself. Give each account its own: "
            "`self.lock = asyncio.Lock()` in __init__."
            if shared
            else ""
        ),
    )
    kit.expect_equal(
        result.value,
        (70, 35),
        "(a.balance, b.balance) after Account(100).transfer(Account(5), 30)",
        "transfer subtracts from self.balance and adds to to.balance.",
    )


def test_no_threading_lock(kata: kit.Kata) -> None:
    """Accounts are guarded by asyncio locks, not threading locks."""
    found = thread_lock_in(kata, make_accounts(kata, [1, 2]))
    kit.expect(
        not found,
        f"{found}: a threading.Lock blocks the event loop's only thread. When a second "
        "transfer waits for it, the whole loop freezes, and the first transfer can never "
        "finish to release it (a deadlock). Use asyncio.Lock with `async with`.",
    )


def test_awaits_between_read_and_write(kata: kit.Kata, stretched: None) -> None:
    """A transfer awaits `asyncio.sleep(0)` between reading and writing (step 2)."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def scenario() -> tuple[int, int]:
        a, b = account(100), account(5)
        await a.transfer(b, 30)
        return a.balance, b.balance

    result = kata.run(scenario, what="a.transfer(b, 30)", limit=60)
    kit.expect(
        result.loop_time >= 1.0 - 1e-6,
        "a.transfer(b, 30) never awaited `asyncio.sleep(0)` between reading and writing the "
        "balances: the docstring's step 2 (think: a database trip) must stay, since it is "
        "the await where other transfers run. Keep the three steps and guard them with locks.",
    )


def test_thousand_transfers_keep_every_balance(kata: kit.Kata) -> None:
    """1000 concurrent transfers among 10 accounts leave every balance exactly right."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)
    rng = random.Random(2024)
    moves = []
    for _ in range(1000):
        i, j = rng.sample(range(10), 2)
        moves.append((i, j, rng.randint(1, 50)))
    expected = [1000] * 10
    for i, j, amount in moves:
        expected[i] -= amount
        expected[j] += amount

    async def scenario() -> list[int]:
        accounts = [account(1000) for _ in range(10)]
        await asyncio.gather(*(accounts[i].transfer(accounts[j], a) for i, j, a in moves))
        return [a.balance for a in accounts]

    result = kata.run(scenario, what="1000 concurrent transfers", limit=60, hang_hint=DEADLOCK)
    balances = result.value or []
    if balances != expected and sum(balances) == sum(expected):
        pairs = enumerate(zip(balances, expected, strict=True))
        wrong = [k for k, (got, want) in pairs if got != want]
        kit.fail(
            "after 1000 concurrent transfers the 10 accounts hold the right total, 10000, "
            f"but the balances of {len(wrong)} account(s) are wrong (account #{wrong[0]}: "
            f"{balances[wrong[0]]}, expected {expected[wrong[0]]}): money ended up in the "
            "wrong accounts. Every transfer moves `amount` from this account to `to`, "
            "whatever the balances."
        )
    kit.expect(
        balances == expected,
        f"after 1000 concurrent transfers the 10 accounts hold {sum(balances)} in total; "
        f"they should still hold 10000 (balances {balances[:3]}..., expected "
        f"{expected[:3]}...). Updates were lost: a transfer read the balances, awaited, and "
        "wrote back over another transfer's write. Hold BOTH accounts' asyncio.Lock from "
        "the read to the write.",
    )


def test_no_deadlock_in_a_cycle(kata: kit.Kata, stretched: None) -> None:
    """Transfers c->z, c->a, b->c, a->b started in turn finish (no lock-order deadlock)."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def scenario() -> list[int]:
        a, b, c, z = (account(100) for _ in range(4))
        tasks = []
        for source, target in ((c, z), (c, a), (b, c), (a, b)):
            tasks.append(asyncio.create_task(source.transfer(target, 10)))
            await REAL_SLEEP(0)  # each transfer starts (and takes what locks it can) in turn
        await asyncio.gather(*tasks)
        return [x.balance for x in (a, b, c, z)]

    result = kata.run(
        scenario, what="transfers c->z, c->a, b->c, a->b", limit=600, hang_hint=DEADLOCK
    )
    kit.expect_equal(
        result.value,
        [100, 100, 90, 110],
        "the balances of a, b, c, z after c->z, c->a, b->c, a->b (10 each)",
        "Hold both accounts' locks from the read to the write.",
    )


def test_unrelated_transfers_overlap(kata: kit.Kata, stretched: None) -> None:
    """Transfers between five unrelated pairs of accounts run at the same time."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    alone = [0.0]

    async def scenario() -> list[int]:
        # One transfer alone first: how long one takes (1 s, unless it awaits more).
        loop = asyncio.get_running_loop()
        start = loop.time()
        await account(100).transfer(account(100), 7)
        alone[0] = loop.time() - start
        start = loop.time()
        accounts = [account(100) for _ in range(10)]
        pairs = [(accounts[2 * k], accounts[2 * k + 1]) for k in range(5)]
        await asyncio.gather(*(x.transfer(y, 7) for x, y in pairs))
        alone.append(loop.time() - start)
        return [a.balance for a in accounts]

    result = kata.run(scenario, what="five transfers between unrelated accounts", limit=600)
    kit.expect_equal(result.value, [93, 107] * 5, "the balances after five transfers")
    one, five = alone
    kit.expect(
        five <= max(one, 1.0) + 1e-6,
        f"five transfers between five unrelated pairs of accounts took {five:g} s of loop "
        f"time, one transfer alone {one:g} s (each transfer's await taking 1 s): they ran one "
        "after another. One lock for everything (a global or class-level lock) serialises the "
        "whole bank; give each account its own asyncio.Lock and take only the two accounts' "
        "locks.",
    )


def test_transfer_to_itself(kata: kit.Kata) -> None:
    """a.transfer(a, 30) finishes and leaves a's balance as it was, alone and among others."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def alone() -> int:
        a = account(100)
        await a.transfer(a, 30)
        return a.balance

    result = kata.run(
        alone,
        what="a.transfer(a, 30)",
        limit=60,
        hang_hint="It waited for itself: an asyncio.Lock is not reentrant, so taking the "
        "same account's lock twice (`sorted((self, to))` gives it twice when to is self) "
        "waits forever. A transfer to the same account moves nothing: take its lock once, "
        "or return at once when `to is self`.",
    )
    if result.value != 100:
        change = "appeared" if (result.value or 0) > 100 else "vanished"
        kit.fail(
            f"a.transfer(a, 30) on Account(100) left the balance at {result.value!r}: money "
            f"{change}. With to = self, the write-back `self.balance, to.balance = mine - "
            "amount, theirs + amount` keeps only the second value; a transfer to the same "
            "account moves nothing, so leave the balance as it is."
        )

    async def among_others() -> list[int]:
        a, b, c = account(100), account(100), account(100)
        await asyncio.gather(a.transfer(b, 10), a.transfer(a, 30), c.transfer(a, 5))
        return [a.balance, b.balance, c.balance]

    result = kata.run(
        among_others,
        what="a.transfer(b, 10), a.transfer(a, 30) and c.transfer(a, 5) at once",
        limit=60,
        hang_hint="The self-transfer waited forever while other transfers held or wanted "
        "a's lock: take a's lock once for it (an asyncio.Lock is not reentrant).",
    )
    kit.expect_equal(
        result.value,
        [95, 110, 95],
        "the balances of a, b, c after a->b 10, a->a 30 and c->a 5 at once",
        "A transfer to the same account moves nothing, and the others still need both locks.",
    )


def test_a_cancelled_transfer_releases_its_locks(kata: kit.Kata, stretched: None) -> None:
    """A transfer cancelled while it holds both locks (in its await) releases them: the next
    transfer between the same accounts goes through."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def scenario() -> list[int]:
        a, b = account(100), account(0)
        first = asyncio.create_task(a.transfer(b, 10))
        await asyncio.sleep(0.5)  # inside its await (1 s here), holding both locks
        first.cancel()
        await asyncio.wait([first])
        await b.transfer(a, 5)
        return [a.balance, b.balance]

    what = "a.transfer(b, 10) cancelled in its await, then b.transfer(a, 5)"
    result = kata.run(
        scenario,
        what=what,
        limit=60,
        hang_hint="The cancelled transfer never released its locks, so the next one waits for "
        "them forever: hold them with `async with lock:` (or release them in a `finally:`), "
        "so they are released however the transfer ends.",
    )
    kit.expect_equal(
        result.value,
        [105, -5],
        f"the balances of a and b after {what}",
        "A transfer cancelled before its write moves nothing.",
    )


# Transfers among three accounts: (from, to, amount), with repeats, self-transfers and zeros.
MOVES = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 40)), min_size=1, max_size=12
)


def test_any_transfers_keep_the_money(kata: kit.Kata) -> None:
    """Any mix of concurrent transfers (repeats, both ways, to itself, of 0) ends right."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    @kit.drawn(MOVES, examples=[([(0, 0, 10), (0, 1, 5), (1, 0, 5), (0, 1, 5)],)], max_examples=40)
    def check(moves: list[tuple[int, int, int]]) -> None:
        expected = [100, 100, 100]
        for i, j, amount in moves:
            expected[i] -= amount
            expected[j] += amount
        shown = ", ".join(f"{'abc'[i]}->{'abc'[j]} {amount}" for i, j, amount in moves)
        what = f"the concurrent transfers [{shown}] between a, b, c (100 each)"

        async def scenario() -> list[int]:
            accounts = [account(100) for _ in range(3)]
            await asyncio.gather(*(accounts[i].transfer(accounts[j], a) for i, j, a in moves))
            return [x.balance for x in accounts]

        result = kata.run(
            scenario,
            what=what,
            limit=60,
            hang_hint="Transfers that wait for each other (locks taken in different orders), "
            "or a transfer to itself taking its one lock twice, never finish.",
        )
        kit.expect_equal(
            result.value,
            expected,
            f"the balances of a, b, c after {what}",
            "Hold both accounts' locks from the read to the write; a transfer to the same "
            "account moves nothing.",
        )

    check()


# Checked last: earlier wrong answers fail the checks above first.


def test_a_transfer_cancelled_while_waiting_releases_its_first_lock(
    kata: kit.Kata, stretched: None
) -> None:
    """A transfer cancelled while it holds one lock and waits for the other releases the one
    it holds. Each of three accounts in turn is the free one of the pair (whatever the lock
    order, at least one round takes the free lock first)."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def scenario() -> list[int]:
        accounts = [account(100) for _ in range(3)]
        for k in range(3):
            free, x, y = accounts[k], accounts[(k + 1) % 3], accounts[(k + 2) % 3]
            blocker = asyncio.create_task(x.transfer(y, 1))  # holds x and y for 1 s
            await REAL_SLEEP(0.25)
            waiting = asyncio.create_task(free.transfer(x, 10))  # x is taken: it waits
            await REAL_SLEEP(0.25)
            waiting.cancel()
            await asyncio.wait([waiting])
            await blocker
            await free.transfer(y, 1)  # needs the free account's lock again
        return [a.balance for a in accounts]

    what = (
        "a transfer cancelled while it waited for the other account's lock, then another "
        "transfer from the same account"
    )
    result = kata.run(
        scenario,
        what=what,
        limit=60,
        hang_hint="A transfer cancelled while it waited for its second lock kept the first "
        "one it had taken, so the next transfer through that account waited forever: take "
        "the locks with `async with first.lock, second.lock:` (or release in a `finally:`), "
        "so a cancelled acquire gives back the lock already held.",
    )
    kit.expect_equal(
        result.value,
        [100, 100, 100],
        f"the balances after {what} (three rounds)",
        "A transfer cancelled before its write moves nothing.",
    )


def test_a_long_queue_of_transfers(kata: kit.Kata, stretched: None) -> None:
    """Twelve transfers a->b at once, each holding both locks for 1 s: the last waits 11 s
    for its turn, and still moves its money (a transfer sets no time limit of its own)."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def scenario() -> tuple[int, list[int]]:
        a, b = account(100), account(0)
        tasks = [asyncio.create_task(a.transfer(b, 1)) for _ in range(12)]
        await asyncio.wait(tasks)
        errors = [t.exception() for t in tasks]
        timed_out = [e for e in errors if isinstance(e, TimeoutError)]
        for error in errors:
            if error is not None and not timed_out:
                raise error
        return len(timed_out), [a.balance, b.balance]

    what = "12 transfers a.transfer(b, 1) at once, each holding both locks for 1 s"
    result = kata.run(scenario, what=what, limit=600, hang_hint=DEADLOCK)
    timed_out, balances = result.value or (0, [])
    kit.expect(
        not timed_out,
        f"{what}: {timed_out} of them raised TimeoutError instead of waiting their turn "
        "for the locks: a transfer waits for its locks however long the others hold them, "
        "with no time limit of its own, and then moves its money.",
    )
    kit.expect_equal(balances, [88, 12], f"the balances of a and b after {what}")
    kit.expect_loop_time(result, 12.0, what)


def test_a_waiting_transfer_holds_up_no_unrelated_one(kata: kit.Kata, stretched: None) -> None:
    """a->b holds a and b for 1 s; b->c, started at 0.25 s, waits for b; d->e, started at
    0.5 s and sharing no account with them, still runs at once and ends at 1.5 s."""
    account = kata.get("Account", "class")
    refuse_thread_locks(kata)

    async def scenario() -> tuple[float, list[int]]:
        loop = asyncio.get_running_loop()
        a, b, c, d, e = (account(100) for _ in range(5))
        first = asyncio.create_task(a.transfer(b, 1))
        await REAL_SLEEP(0.25)
        second = asyncio.create_task(b.transfer(c, 1))  # b is taken: it waits until 1 s
        await REAL_SLEEP(0.25)
        await d.transfer(e, 1)
        ended = loop.time()
        await asyncio.gather(first, second)
        return ended, [x.balance for x in (a, b, c, d, e)]

    what = "d.transfer(e, 1) at 0.5 s, while a->b held a and b (1 s) and b->c waited for b"
    result = kata.run(scenario, what=what, limit=60, hang_hint=DEADLOCK)
    ended, balances = result.value or (0.0, [])
    kit.expect_equal(balances, [99, 100, 101, 99, 101], f"the balances after {what}")
    kit.expect(
        ended <= 1.5 + 1e-6,
        f"{what} ended at {ended:g} s of loop time instead of 1.5 s: it shares no account "
        "with the other two, yet it waited for them. Take only the two accounts' own locks, "
        "and hold nothing shared by every transfer (a global lock around the acquiring) "
        "while you wait for an account's lock.",
    )
