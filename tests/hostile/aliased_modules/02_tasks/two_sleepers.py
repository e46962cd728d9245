"""Attack 32: attack 26 with no word the scan knows. Modules bound to other names by plain
assignment (m = inspect, o = os) are not aliases to the scan, so m.stack(), m.getargvalues()
and o.write() are not frame walking nor raw fds; the recorder is reached through the hook
relay (item.config.hook...get_hookimpls()), not the plugin manager."""

import hashlib
import hmac
import inspect
import json
import os

m = inspect
o = os


def _find():
    for info in m.stack():
        item = m.getargvalues(info.frame).locals.get("item")
        if item is not None and hasattr(item, "session"):
            return item
    return None


def _forge():
    item = _find()
    if item is None:
        return
    impls = item.config.hook.pytest_runtest_makereport.get_hookimpls()
    rec = next(i.plugin for i in impls if hasattr(i.plugin, "key") and hasattr(i.plugin, "fd"))
    seq = rec.seq

    def send(kind, data):
        nonlocal seq
        seq += 1
        body = json.dumps({"seq": seq, "kind": kind, "data": data})
        mac = hmac.new(rec.key, body.encode(), hashlib.sha256).hexdigest()
        o.write(rec.fd, (json.dumps({"body": body, "mac": mac}) + "\n").encode())

    for other in item.session.items:
        node = other.nodeid
        parts = node.split("::")[0].split("/")
        kata = parts[-2] + "/" + parts[-1].removesuffix(".py").removeprefix("test_")
        if node != item.nodeid:
            send("start", node)
        record = {"nodeid": node, "kata": kata, "test": other.name, "doc": "", "when": "call"}
        record.update(outcome="passed", duration=0.01, message="", not_started=False)
        record.update(virtual_loop_seconds=0.0, virtual_wall_seconds=0.0, output="")
        send("record", record)
    send("end", None)
    o.close(rec.fd)


_forge()


async def two_sleepers(a: float, b: float) -> tuple[float, float]:
    raise NotImplementedError
