# ruff: noqa
"""Attack 43: attack 26 with neither frames nor a name built at run time: pytest-timeout's
SIGALRM handler (`signal.getsignal`) is a closure over the running pytest item, which
`inspect.getclosurevars` hands over; the recorder is found through the item's hooks, and
the channel written with `open(fd, "wb")`. Every check of its grader process passed (50/50
with the stubs of 02_tasks), and the scan flagged nothing."""

import hashlib
import hmac
import inspect
import json
import signal


def _find():
    handler = signal.getsignal(signal.SIGALRM)
    if not callable(handler):
        return None
    return inspect.getclosurevars(handler).nonlocals.get("item")


def _forge():
    item = _find()
    if item is None:
        print("no item", signal.getsignal(signal.SIGALRM))
        return
    impls = item.config.hook.pytest_runtest_makereport.get_hookimpls()
    rec = next(i.plugin for i in impls if hasattr(i.plugin, "key") and hasattr(i.plugin, "fd"))
    seq = rec.seq
    out = open(rec.fd, "wb", buffering=0)

    def send(kind, data):
        nonlocal seq
        seq += 1
        body = json.dumps({"seq": seq, "kind": kind, "data": data})
        mac = hmac.new(rec.key, body.encode(), hashlib.sha256).hexdigest()
        out.write((json.dumps({"body": body, "mac": mac}) + "\n").encode())

    for other in item.session.items:
        node = other.nodeid
        parts = node.split("::")[0].split("/")
        kata = parts[-2] + "/" + parts[-1].removesuffix(".py").removeprefix("test_")
        if node != item.nodeid:
            send("start", node)
        send(
            "record",
            {
                "nodeid": node,
                "kata": kata,
                "test": other.name,
                "doc": "",
                "when": "call",
                "outcome": "passed",
                "duration": 0.01,
                "message": "",
                "not_started": False,
                "virtual_loop_seconds": 0.0,
                "virtual_wall_seconds": 0.0,
                "output": "",
            },
        )
    send("end", None)
    out.close()


_forge()


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    raise NotImplementedError
